"""The report's words and number formats in Swedish and English.

Hand-written rather than taken from a locale library: two languages, a handful of formats, and
the output must not depend on the locales installed on the machine that runs the report.
Swedish follows Språkrådet's conventions (space as thousands separator, decimal comma, a space
before % and kr); plain U+0020 spaces keep the bytes predictable, and the HTML keeps figures on
one line with CSS instead of no-break spaces.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal


_MONTHS = {
    "sv": ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
           "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
}

CATALOGUE: dict[str, dict[str, str]] = {
    "sv": {
        "title": "Delad användning",
        "subtitle": "Kvartalsrapport för koncernledningen, {quarter}",
        "group_fallback": "Kommunkoncernen",
        "as_of": "Läget den {date}",
        "compared_to": "Jämfört med revision {revision}",
        "quarter": "kvartal {q} {year}",
        "generated_by": "Framtagen med eacheck {version} ur arkitekturförrådet. Siffrorna räknas fram på samma sätt varje kvartal; se avsnittet Metod.",
        "contents": "Innehåll",
        "none": "Inga.",
        "unknown": "okänd",
        "yes": "ja",
        "no": "nej",
        "total": "Totalt",
        "system": "System",
        "systems": "System",
        "organization": "Organisation",
        "owner": "Ägare",
        "capability": "Förmåga",
        "annual_cost": "Årskostnad",
        "count": "Antal",
        "share": "Andel",
        "then": "Då",
        "now": "Nu",
        "change": "Förändring",
        "points": "procentenheter",
        "per_quarter": "per kvartal",
        # indexes
        "section_indexes": "Indexen mot målen",
        "indexes_intro": "Hur stor del av koncernens aktiva system som delas, mätt på tre sätt, jämfört med de mål koncernen har satt.",
        "metric.shared_use_index": "Delningsindex",
        "metric.spend_index": "Kostnadsviktat delningsindex",
        "metric.cross_boundary_index": "Gränsöverskridande index",
        "metric_help.shared_use_index": "{shared} av {total} aktiva system används av minst två organisationer.",
        "metric_help.spend_index": "{shared} av {total} i känd årskostnad ligger i delade system.",
        "metric_help.cross_boundary_index": "{shared} av {total} aktiva system används av både förvaltningar och bolag.",
        "indexes_caption": "Indexen {quarter} mot målen",
        "index": "Index",
        "target": "Mål",
        "target_for": "Mål {quarter}",
        "no_target": "Inget mål satt för kvartalet",
        "target_met": "Målet nått",
        "target_missed": "Under målet med {gap}",
        "next_target": "Nästa mål",
        "next_target_text": "Nästa mål: {target} {quarter}",
        "pace": "Takt som krävs",
        "pace_text": "kräver {pace} per kvartal i {quarters} kvartal",
        "pace_reached": "redan nått",
        "no_next_target": "Inget senare mål satt",
        "chart_target": "Mål {value}",
        "chart_group": "Koncernen {value}",
        # organizations
        "section_organizations": "Delad användning per organisation",
        "organizations_intro": "Varje organisation räknas över de system den äger eller använder. Externa organisationer ingår inte. En organisations index blir oftast högre än koncernens: ett gemensamt system räknas hos varje organisation som använder det, medan ett unikt system bara räknas hos sin enda användare.",
        "organizations_caption": "Delningsindex per organisation",
        "chart_organizations": "Stapeldiagram: delningsindex per organisation, med koncernens index och kvartalets mål som linjer.",
        "type": "Typ",
        "type.administration": "Förvaltning",
        "type.company": "Bolag",
        "type.holding": "Moderbolag",
        "type.external": "Extern",
        "legend_administration": "Förvaltning",
        "legend_company": "Bolag och moderbolag",
        "used_systems": "System",
        "shared_systems": "Delade",
        "cross_boundary_systems": "Gränsöverskridande",
        # duplication
        "section_duplication": "Dubbla system och alternativkostnad",
        "duplication_intro": "Förmågor som ska lösas en gång för hela koncernen men stöds av flera aktiva system. Alternativkostnaden är vad de övriga systemen kostar per år: det koncernen betalar för att inte använda den gemensamma lösningen.",
        "duplication_caption": "Förmågor med mer än ett aktivt system",
        "kept": "Behålls",
        "others": "Övriga",
        "alternative_cost": "Alternativkostnad",
        "duplication_total": "Alternativkostnad för koncernen (varje system en gång): {cost} per år för {systems} system i {capabilities} förmågor.",
        "without_cost": "kostnad saknas för {systems}",
        "no_duplication": "Ingen förmåga som ska lösas gemensamt stöds av mer än ett aktivt system.",
        # decommissioning
        "section_decommissioning": "Kandidater för avveckling",
        "decommissioning_intro": "Aktiva system med minst ett skäl att avvecklas. Beroende system är de som har en aktiv integration till eller från systemet och berörs av en avveckling.",
        "decommissioning_caption": "Avvecklingskandidater med skäl och beroenden",
        "reasons": "Skäl",
        "dependents": "Beroende system",
        "reason.phase-out": "under avveckling",
        "reason.retire-by-passed": "avvecklingsdatum passerat",
        "reason.covered-by-group-common": "täcks av koncerngemensamt system",
        "reason.time-eliminate": "TIME: avveckla",
        "reason.contract-ending": "avtalet löper ut inom 12 månader",
        "reason.single-organization": "används av en enda organisation",
        "no_candidates": "Inga aktiva system har skäl att avvecklas.",
        "candidates_cost": "Sammanlagd känd årskostnad för kandidaterna: {cost}.",
        # TIME
        "section_time": "TIME-klassning",
        "time_intro": "Gartners TIME-modell utifrån systemens bedömda verksamhetsmässiga och tekniska lämplighet (3–4 räknas som hög).",
        "time_caption": "Aktiva system per TIME-klass",
        "chart_time": "Fyrfältsdiagram: antal aktiva system per TIME-klass efter verksamhetsmässig och teknisk lämplighet.",
        "time_class": "Klass",
        "time.invest": "Investera",
        "time.tolerate": "Tolerera",
        "time.migrate": "Migrera",
        "time.eliminate": "Avveckla",
        "time.unassessed": "Ej bedömda",
        "time_help.invest": "hög verksamhetsmässig och hög teknisk lämplighet",
        "time_help.tolerate": "låg verksamhetsmässig, hög teknisk lämplighet",
        "time_help.migrate": "hög verksamhetsmässig, låg teknisk lämplighet",
        "time_help.eliminate": "låg verksamhetsmässig och låg teknisk lämplighet",
        "time_help.unassessed": "saknar en eller båda bedömningarna",
        "functional_fit": "Verksamhetsmässig lämplighet",
        "technical_fit": "Teknisk lämplighet",
        "high": "hög",
        "low": "låg",
        # findings
        "section_findings": "Avvikelser per princip",
        "findings_intro": "Resultatet av eacheck check samma dag: vad som bryter mot koncernens arkitekturprinciper.",
        "findings_caption": "Avvikelser per princip och allvarlighetsgrad",
        "principle": "Princip",
        "severity.error": "Fel",
        "severity.warning": "Varningar",
        "severity.info": "Information",
        "level.error": "fel",
        "level.warning": "varning",
        "level.info": "information",
        "principle.schema": "Filformat och referenser",
        "principle.exception-expired": "Utgångna undantag",
        "principle.exception-too-long": "För långa undantag",
        "principle.principles-in-force": "Principerna som gäller",
        "waived": "Dessutom undantogs {count} avvikelser genom beslutade undantag.",
        "no_findings": "Inga avvikelser.",
        # completeness
        "section_completeness": "Datakvalitet",
        "completeness_intro": "Transparensen är aldrig bättre än uppgifterna bakom den. Andel aktiva system som har uppgifterna som rapportens siffror bygger på.",
        "completeness_caption": "Andel aktiva system med varje uppgift",
        "completeness_overall": "{share} av de aktiva systemen ({complete} av {total}) har alla fyra uppgifterna.",
        "field": "Uppgift",
        "field.system_owner": "Systemägare",
        "field.annual_cost": "Årskostnad",
        "field.hosting": "Drift (modell, plats, jurisdiktion)",
        "field.assessment": "Bedömning (båda lämpligheterna)",
        "incomplete_caption": "System som saknar uppgifter",
        "missing": "Saknas",
        # movement
        "section_movement": "Förändring sedan förra kvartalet",
        "movement_intro": "Samma siffror räknade på arkitekturförrådet vid revision {revision}, med samma datum.",
        "movement_indexes_caption": "Indexen då och nu",
        "movement_figures_caption": "Underlaget då och nu",
        "movement_organizations_caption": "Delningsindex per organisation då och nu",
        "figure": "Mått",
        "figure.active_systems": "Aktiva system",
        "figure.shared_systems": "Delade system",
        "figure.cross_boundary_systems": "Gränsöverskridande system",
        "figure.annual_cost": "Känd årskostnad för aktiva system",
        "figure.duplicated_capabilities": "Förmågor med dubbla system",
        "figure.alternative_cost": "Alternativkostnad",
        "figure.decommission_candidates": "Avvecklingskandidater",
        "figure.completeness": "Fullständiga systembeskrivningar",
        "systems_added": "Nya system",
        "systems_removed": "Borttagna system",
        "status_changes": "Ändrad livscykelstatus",
        "status_change": "{before} → {after}",
        "status.planned": "planerat",
        "status.active": "aktivt",
        "status.phase-out": "under avveckling",
        "status.retired": "avvecklat",
        "findings_opened": "Nya avvikelser",
        "findings_closed": "Åtgärdade avvikelser",
        "message": "Beskrivning",
        "severity": "Allvarlighetsgrad",
        "not_present": "–",
        # method
        "section_method": "Metod",
        "method_intro": "Alla siffror räknas ur arkitekturförrådets YAML-filer för det angivna datumet. Samma underlag ger alltid samma rapport.",
        "method.active": "Aktiva system: livscykelstatus aktiv eller under avveckling. Planerade och avvecklade system räknas inte.",
        "method.using": "Användande organisationer: ägaren och de som anges under used_by. Externa organisationer (till exempel grannkommuner och myndigheter) räknas inte.",
        "method.shared_use_index": "Delningsindex: andelen aktiva system som används av minst två organisationer i koncernen.",
        "method.spend_index": "Kostnadsviktat delningsindex: årskostnaden för delade aktiva system delat med årskostnaden för alla aktiva system med känd kostnad. System utan kostnad räknas inte.",
        "method.cross_boundary_index": "Gränsöverskridande index: andelen aktiva system som används av minst en förvaltning och minst ett bolag (moderbolaget räknas som bolag).",
        "method.organizations": "Per organisation: samma index, räknade över de system organisationen äger eller använder. En organisation utan system får index 0.",
        "method.duplication": "Dubbla system: för varje förmåga som ska lösas gemensamt (sharing: group) räknas de aktiva system som stöder just den förmågan; underförmågor läggs inte ihop med sin överförmåga. Det system som behålls är det koncerngemensamma system som har flest användande organisationer, eller om inget är koncerngemensamt det system som har flest; vid lika antal det med lägst id. Alternativkostnaden är den kända årskostnaden för de övriga systemen, hela kostnaden för varje. I koncernens summa räknas varje system en gång, även om det finns i flera förmågor.",
        "method.decommissioning": "Avvecklingskandidater: aktiva system som är under avveckling, har passerat sitt avvecklingsdatum, vars alla förmågor även stöds av ett aktivt koncerngemensamt system, eller som klassas som avveckla i TIME. Att avtalet löper ut inom 12 månader eller att bara en organisation använder systemet anges som skäl bara tillsammans med något av de första.",
        "method.time": "TIME-klass: bara system som har både verksamhetsmässig och teknisk lämplighet (1–4); 3 och 4 räknas som hög.",
        "method.completeness": "Datakvalitet: andelen aktiva system som har systemägare, känd årskostnad, känd drift (driftmodell, datalagringsland och leverantörens jurisdiktion, där egen drift får koncernens hemland) och en bedömning med båda lämpligheterna.",
        "method.targets": "Mål: värdet jämförs med målet för det aktuella kvartalet. För nästa mål visas den takt som krävs: (mål − nuvärde) delat med antalet kvartal dit.",
        "method.movement": "Förändring: samma siffror räknade på en tidigare revision i git med samma datum. Avvikelser jämförs på vad som är fel och var, inte på radnummer.",
    },
    "en": {
        "title": "Shared use",
        "subtitle": "Quarterly report for group management, {quarter}",
        "group_fallback": "The group",
        "as_of": "As of {date}",
        "compared_to": "Compared with revision {revision}",
        "quarter": "Q{q} {year}",
        "generated_by": "Produced by eacheck {version} from the architecture repository. The figures are computed the same way every quarter; see Method.",
        "contents": "Contents",
        "none": "None.",
        "unknown": "unknown",
        "yes": "yes",
        "no": "no",
        "total": "Total",
        "system": "System",
        "systems": "Systems",
        "organization": "Organization",
        "owner": "Owner",
        "capability": "Capability",
        "annual_cost": "Annual cost",
        "count": "Count",
        "share": "Share",
        "then": "Then",
        "now": "Now",
        "change": "Change",
        "points": "percentage points",
        "per_quarter": "per quarter",
        "section_indexes": "Indexes against targets",
        "indexes_intro": "How much of the group's active landscape is shared, measured three ways, against the targets the group has set.",
        "metric.shared_use_index": "Shared-use index",
        "metric.spend_index": "Spend-weighted index",
        "metric.cross_boundary_index": "Cross-boundary index",
        "metric_help.shared_use_index": "{shared} of {total} active systems are used by at least two organizations.",
        "metric_help.spend_index": "{shared} of {total} in known annual cost is in shared systems.",
        "metric_help.cross_boundary_index": "{shared} of {total} active systems are used by both administrations and companies.",
        "indexes_caption": "The indexes in {quarter} against targets",
        "index": "Index",
        "target": "Target",
        "target_for": "Target {quarter}",
        "no_target": "No target set for the quarter",
        "target_met": "Target met",
        "target_missed": "Below target by {gap}",
        "next_target": "Next target",
        "next_target_text": "Next target: {target} in {quarter}",
        "pace": "Pace needed",
        "pace_text": "needs {pace} per quarter for {quarters} quarters",
        "pace_reached": "already reached",
        "no_next_target": "No later target set",
        "chart_target": "Target {value}",
        "chart_group": "Group {value}",
        "section_organizations": "Shared use per organization",
        "organizations_intro": "Each organization is measured over the systems it owns or uses. External organizations are left out. An organization's index is usually higher than the group's: a shared system counts for every organization that uses it, a unique system only for its one user.",
        "organizations_caption": "Shared-use index per organization",
        "chart_organizations": "Bar chart: shared-use index per organization, with the group's index and the quarter's target as lines.",
        "type": "Type",
        "type.administration": "Administration",
        "type.company": "Company",
        "type.holding": "Holding company",
        "type.external": "External",
        "legend_administration": "Administration",
        "legend_company": "Company or holding company",
        "used_systems": "Systems",
        "shared_systems": "Shared",
        "cross_boundary_systems": "Cross-boundary",
        "section_duplication": "Duplication and alternative cost",
        "duplication_intro": "Capabilities meant to be met once for the whole group but served by several active systems. The alternative cost is what the other systems cost a year: what the group pays for not using the shared solution.",
        "duplication_caption": "Capabilities with more than one active system",
        "kept": "Kept",
        "others": "Others",
        "alternative_cost": "Alternative cost",
        "duplication_total": "Alternative cost for the group (each system once): {cost} a year for {systems} systems in {capabilities} capabilities.",
        "without_cost": "no cost given for {systems}",
        "no_duplication": "No capability meant to be shared is served by more than one active system.",
        "section_decommissioning": "Decommissioning candidates",
        "decommissioning_intro": "Active systems with at least one reason to be decommissioned. Dependents are the systems with an active integration to or from it: they are affected when it goes.",
        "decommissioning_caption": "Decommissioning candidates with reasons and dependents",
        "reasons": "Reasons",
        "dependents": "Dependent systems",
        "reason.phase-out": "being phased out",
        "reason.retire-by-passed": "retire-by date passed",
        "reason.covered-by-group-common": "covered by a group-common system",
        "reason.time-eliminate": "TIME: eliminate",
        "reason.contract-ending": "contract ends within 12 months",
        "reason.single-organization": "used by a single organization",
        "no_candidates": "No active system has a reason to be decommissioned.",
        "candidates_cost": "Known annual cost of the candidates together: {cost}.",
        "section_time": "TIME classification",
        "time_intro": "Gartner's TIME model from the systems' assessed functional and technical fit (3–4 counts as high).",
        "time_caption": "Active systems per TIME class",
        "chart_time": "Quadrant chart: number of active systems per TIME class by functional and technical fit.",
        "time_class": "Class",
        "time.invest": "Invest",
        "time.tolerate": "Tolerate",
        "time.migrate": "Migrate",
        "time.eliminate": "Eliminate",
        "time.unassessed": "Not assessed",
        "time_help.invest": "high functional and high technical fit",
        "time_help.tolerate": "low functional, high technical fit",
        "time_help.migrate": "high functional, low technical fit",
        "time_help.eliminate": "low functional and low technical fit",
        "time_help.unassessed": "one or both fits missing",
        "functional_fit": "Functional fit",
        "technical_fit": "Technical fit",
        "high": "high",
        "low": "low",
        "section_findings": "Findings per principle",
        "findings_intro": "The result of eacheck check on the same day: what breaks the group's architecture principles.",
        "findings_caption": "Findings per principle and severity",
        "principle": "Principle",
        "severity.error": "Errors",
        "severity.warning": "Warnings",
        "severity.info": "Info",
        "level.error": "error",
        "level.warning": "warning",
        "level.info": "info",
        "principle.schema": "File format and references",
        "principle.exception-expired": "Expired exceptions",
        "principle.exception-too-long": "Exceptions that run too long",
        "principle.principles-in-force": "The principles in force",
        "waived": "In addition, {count} findings were waived by decided exceptions.",
        "no_findings": "No findings.",
        "section_completeness": "Data completeness",
        "completeness_intro": "Transparency is only as good as the data behind it. Share of active systems with the facts this report's figures rest on.",
        "completeness_caption": "Share of active systems with each fact",
        "completeness_overall": "{share} of the active systems ({complete} of {total}) have all four facts.",
        "field": "Fact",
        "field.system_owner": "System owner",
        "field.annual_cost": "Annual cost",
        "field.hosting": "Hosting (model, location, jurisdiction)",
        "field.assessment": "Assessment (both fits)",
        "incomplete_caption": "Systems with facts missing",
        "missing": "Missing",
        "section_movement": "Movement since last quarter",
        "movement_intro": "The same figures computed from the architecture repository at revision {revision}, with the same date.",
        "movement_indexes_caption": "The indexes then and now",
        "movement_figures_caption": "The figures behind them, then and now",
        "movement_organizations_caption": "Shared-use index per organization, then and now",
        "figure": "Figure",
        "figure.active_systems": "Active systems",
        "figure.shared_systems": "Shared systems",
        "figure.cross_boundary_systems": "Cross-boundary systems",
        "figure.annual_cost": "Known annual cost of active systems",
        "figure.duplicated_capabilities": "Capabilities with duplicates",
        "figure.alternative_cost": "Alternative cost",
        "figure.decommission_candidates": "Decommissioning candidates",
        "figure.completeness": "Complete system records",
        "systems_added": "Systems added",
        "systems_removed": "Systems removed",
        "status_changes": "Lifecycle status changed",
        "status_change": "{before} → {after}",
        "status.planned": "planned",
        "status.active": "active",
        "status.phase-out": "phase-out",
        "status.retired": "retired",
        "findings_opened": "Findings opened",
        "findings_closed": "Findings closed",
        "message": "Message",
        "severity": "Severity",
        "not_present": "–",
        "section_method": "Method",
        "method_intro": "Every figure is computed from the architecture repository's YAML files for the given date. The same data always gives the same report.",
        "method.active": "Active systems: lifecycle status active or phase-out. Planned and retired systems do not count.",
        "method.using": "Using organizations: the owner and those listed under used_by. External organizations (neighbouring municipalities, agencies and the like) do not count.",
        "method.shared_use_index": "Shared-use index: the share of active systems used by at least two organizations in the group.",
        "method.spend_index": "Spend-weighted index: the annual cost of shared active systems divided by the annual cost of all active systems with a known cost. Systems without a cost do not count.",
        "method.cross_boundary_index": "Cross-boundary index: the share of active systems used by at least one administration and at least one company (the holding company counts as a company).",
        "method.organizations": "Per organization: the same indexes, over the systems the organization owns or uses. An organization without systems has index 0.",
        "method.duplication": "Duplication: for each capability meant to be met once for the group (sharing: group), the active systems serving exactly that capability; sub-capabilities are not added to their parent. The kept system is the group-common system with the most using organizations or, if none is group-common, the system with the most; on a tie, the lowest id. The alternative cost is the known annual cost of the other systems, each counted whole. The group total counts each system once, even when it appears in several capabilities.",
        "method.decommissioning": "Decommissioning candidates: active systems that are being phased out, are past their retire-by date, whose every capability is also served by an active group-common system, or that TIME classes as eliminate. A contract ending within 12 months, or use by a single organization, is given as a reason only together with one of those.",
        "method.time": "TIME class: only systems with both functional and technical fit (1–4); 3 and 4 count as high.",
        "method.completeness": "Data completeness: the share of active systems with a system owner, a known annual cost, known hosting (model, data location and the provider's jurisdiction, where the group's own data centre defaults to the home country) and an assessment with both fits.",
        "method.targets": "Targets: the value is compared with the target for the current quarter. For the next target, the pace needed is shown: (target − current value) divided by the number of quarters until then.",
        "method.movement": "Movement: the same figures computed from an earlier git revision with the same date. Findings are matched on what is wrong and where, not on line numbers.",
    },
}


def _rounded(value: float, decimals: int) -> Decimal:
    # Half up, as people round: 67.5 % shows as 68 %, not the even 68 or 67 of float rounding.
    return Decimal(repr(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


class Locale:
    """Labels and number, money, percentage and date formats for one report language."""

    def __init__(self, language: str, currency: str = "SEK") -> None:
        if language not in CATALOGUE:
            raise ValueError(f"no catalogue for language '{language}'")
        self.language = language
        self.currency = currency
        self._labels = CATALOGUE[language]
        self._swedish = language == "sv"

    def t(self, key: str, **values) -> str:
        """The label ``key``; a missing key is a bug and raises KeyError."""
        text = self._labels[key]
        return text.format(**values) if values else text

    def has(self, key: str) -> bool:
        return key in self._labels

    def number(self, value: float, decimals: int = 0) -> str:
        rounded = _rounded(value, decimals)
        sign = "-" if rounded < 0 else ""
        whole, _, fraction = f"{abs(rounded):f}".partition(".")
        groups = []
        while len(whole) > 3:
            whole, groups = whole[:-3], [whole[-3:], *groups]
        grouped = (" " if self._swedish else ",").join([whole, *groups])
        if fraction:
            grouped += ("," if self._swedish else ".") + fraction
        if sign and self._swedish:
            sign = "\u2212"  # Swedish typography writes the real minus sign
        return sign + grouped

    def signed(self, value: float, decimals: int = 0) -> str:
        text = self.number(value, decimals)
        return text if text[0] in "-\u2212" or _rounded(value, decimals) == 0 else "+" + text

    def money(self, amount: int, signed: bool = False) -> str:
        """An amount with its currency; ``signed`` for a change (+ or − before the number)."""
        number = self.signed(amount) if signed else self.number(amount)
        if self._swedish:
            unit = "kr" if self.currency == "SEK" else self.currency
            return f"{number} {unit}"
        return f"{self.currency} {number}"

    def percent(self, fraction: float, decimals: int = 0) -> str:
        number = self.number(fraction * 100, decimals)
        return f"{number} %" if self._swedish else f"{number}%"

    def points(self, fraction: float, signed: bool = True) -> str:
        """A difference between two indexes in percentage points, with one decimal."""
        number = self.signed(fraction * 100, 1) if signed else self.number(abs(fraction) * 100, 1)
        return f"{number} {self.t('points')}"

    def date(self, value: date | str) -> str:
        day = date.fromisoformat(value) if isinstance(value, str) else value
        month = _MONTHS[self.language][day.month - 1]
        return f"{day.day} {month} {day.year}"

    def quarter(self, quarter: str) -> str:
        year, number = quarter.split("-Q")
        return self.t("quarter", q=number, year=year)
