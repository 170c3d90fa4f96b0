"""Swedish texts for the titles and descriptions of eacheck's JSON Schemas.

The packaged schemas (and the parameter schemas of the built-in checks) are written in English.
Editors show their titles and descriptions as hover help, so ``eacheck schema --lang sv`` and
``eacheck init`` replace each English text with the Swedish one below.

The table is keyed by the English text itself, as in gettext: the same English text gets the same
translation wherever it occurs, and when someone rewrites an English description its Swedish text
stops matching, so ``tests/test_schema_command.py`` reports it as missing (and the old entry as
stale) instead of letting an outdated translation live on.
"""

from __future__ import annotations

SV: dict[str, str] = {
    # -- titles of the schemas --------------------------------------------------------------------
    "eacheck organization": "eacheck: organisation",
    "eacheck capability": "eacheck: förmåga",
    "eacheck system": "eacheck: system",
    "eacheck integration": "eacheck: integration",
    "eacheck procurement": "eacheck: upphandling",
    "eacheck exception": "eacheck: undantag",
    "eacheck principle": "eacheck: princip",
    "eacheck settings (eacheck.yaml)": "eacheck: inställningar (eacheck.yaml)",
    "eacheck entity (any kind under architecture/)": "eacheck: entitet (valfri sort under architecture/)",
    # -- the combined entity schema (written by eacheck.scaffold.editor_schemas) ------------------
    "One entity of the landscape. Its kind decides which keys it takes: organization, "
    "capability, system, integration, procurement or exception.":
        "En entitet i landskapet. Sorten (kind) avgör vilka nycklar den har: organization, "
        "capability, system, integration, procurement eller exception.",
    "What this document describes: organization, capability, system, integration, "
    "procurement or exception. Principles belong in principles/.":
        "Vad dokumentet beskriver: organization (organisation), capability (förmåga), system, "
        "integration, procurement (upphandling) eller exception (undantag). Principer hör "
        "hemma i principles/.",
    # -- shared keys ------------------------------------------------------------------------------
    "Unique id across all kinds: lower-case letters, digits and hyphens.":
        "Unikt id bland alla sorter: gemena bokstäver (a–z), siffror och bindestreck.",
    "Free text for people.": "Fritext för människor.",
    # -- organization -----------------------------------------------------------------------------
    "A part of the municipal group, or an external body.":
        "En del av kommunkoncernen, eller en organisation utanför den.",
    "Always 'organization'.": "Alltid 'organization'.",
    "Name of the organization.": "Organisationens namn.",
    "administration (förvaltning), company (bolag), holding (moderbolag) or external "
    "(outside the group).":
        "administration (förvaltning), company (bolag), holding (moderbolag) eller external "
        "(utanför koncernen).",
    "Organization id of the parent (e.g. the holding company).":
        "Id för organisationen ovanför, till exempel moderbolaget.",
    # -- capability -------------------------------------------------------------------------------
    "A business capability (förmåga) in the capability map.": "En förmåga i förmågekartan.",
    "Always 'capability'.": "Alltid 'capability'.",
    "Name of the capability.": "Förmågans namn.",
    "Capability id of the parent capability.": "Id för förmågan ovanför i förmågekartan.",
    "group (default): met once for the whole group; local: unique solutions accepted.":
        "group (standard): behovet möts en gång för hela koncernen; local: unika lösningar "
        "accepteras.",
    # -- system -----------------------------------------------------------------------------------
    "An application or IT system in the landscape.": "Ett system eller en IT-tjänst i landskapet.",
    "Always 'system'.": "Alltid 'system'.",
    "Name of the system.": "Systemets namn.",
    "Organization id that owns the system.":
        "Id för organisationen som äger systemet (systemägarens organisation).",
    "Role or person accountable (systemägare).": "Roll eller person som är systemägare.",
    "Organization ids that use it besides the owner.":
        "Id för organisationer som använder systemet utöver ägaren.",
    "Capability ids it serves (at least one).": "Id för förmågorna systemet stödjer (minst en).",
    "Designated the group-common (koncerngemensam) solution for its capabilities. Default false.":
        "Utsett till koncerngemensam lösning för sina förmågor. Standard false.",
    "Lifecycle.": "Livscykel.",
    "planned, active, phase-out or retired.":
        "planned (planerat), active (i drift), phase-out (under avveckling) eller retired "
        "(avvecklat).",
    "Date the current status began.": "Datum då nuvarande status började gälla.",
    "Date by which the system is to be retired.": "Datum då systemet ska vara avvecklat.",
    "Hosting: where the system runs and under which jurisdiction.":
        "Drift: var systemet körs och under vilket lands lag.",
    "Where it runs: on-premises (the group's own data centre), private-cloud, public-cloud or saas.":
        "Driftform: on-premises (koncernens egen datahall), private-cloud, public-cloud eller saas.",
    "Operator or vendor that runs it.": "Driftleverantör eller tjänsteleverantör.",
    "ISO 3166-1 alpha-2 country whose law governs the provider's parent company. "
    "On-premises defaults to home_country.":
        "Landet (ISO 3166-1 alfa-2) vars lag leverantörens moderbolag lyder under. För "
        "on-premises är standard home_country.",
    "ISO 3166-1 alpha-2 countries where data is stored or processed. "
    "On-premises defaults to home_country.":
        "Länder (ISO 3166-1 alfa-2) där data lagras eller behandlas, även support och "
        "säkerhetskopior. För on-premises är standard home_country.",
    "Data is encrypted with keys the provider cannot reach. Default false.":
        "Data krypteras med nycklar som leverantören inte kommer åt (kundhanterade nycklar). "
        "Standard false.",
    "Legal basis for personal data processed outside the EU/EEA (GDPR chapter V).":
        "Rättslig grund för personuppgifter som behandlas utanför EU/EES (GDPR kapitel V): "
        "adequacy, dpf, scc eller bcr.",
    "Information classification (informationsklassning).": "Informationsklassning.",
    "Personal data held: none (default), ordinary, or sensitive (GDPR art. 9-10).":
        "Personuppgifter: none (inga, standard), ordinary (vanliga) eller sensitive "
        "(känsliga, GDPR art. 9–10).",
    "KLASSA confidentiality level 0-4 (default 0).":
        "Konfidentialitetsnivå 0–4 enligt KLASSA (standard 0).",
    "Holds information under secrecy (OSL). Default false.":
        "Innehåller uppgifter som omfattas av sekretess enligt OSL. Standard false.",
    "Cost.": "Kostnad.",
    "Yearly cost in whole currency units: licences, operation, maintenance.":
        "Årlig kostnad i hela valutaenheter: licenser, drift och förvaltning.",
    "Contract.": "Avtal.",
    "Supplier.": "Leverantör.",
    "Contract start.": "Avtalets startdatum.",
    "Contract end.": "Avtalets slutdatum, med redan beslutade förlängningar.",
    "Approximate number of end users.": "Ungefärligt antal användare.",
    "Assessment (TIME).": "Bedömning (TIME).",
    "1 unreasonable, 2 insufficient, 3 appropriate, 4 perfect.":
        "Verksamhetsnytta: 1 orimlig, 2 otillräcklig, 3 ändamålsenlig, 4 utmärkt.",
    "1 inappropriate, 2 unreasonable, 3 adequate, 4 fully appropriate.":
        "Teknisk lämplighet: 1 olämplig, 2 orimlig, 3 godtagbar, 4 helt lämplig.",
    "administrative, operational, critical or vital.":
        "Verksamhetskritikalitet: administrative, operational, critical eller vital "
        "(samhällsviktig).",
    # -- integration ------------------------------------------------------------------------------
    "A data flow from one system to another.": "Ett informationsflöde från ett system till ett annat.",
    "Always 'integration'.": "Alltid 'integration'.",
    "Name of the integration.": "Integrationens namn.",
    "System id the data flows from.": "Id för systemet som informationen flödar från.",
    "System id the data flows to.": "Id för systemet som informationen flödar till.",
    "System id of the integration platform the flow passes through.":
        "Id för integrationsplattformen som flödet går via.",
    "api, file, event, database or manual.": "Metod: api, file (fil), event (händelse), "
    "database (databas) eller manual (manuell).",
    "planned, active (default) or retired.":
        "planned (planerad), active (i drift, standard) eller retired (avvecklad).",
    "Classification of the data that flows; each key left out takes the from-system's value.":
        "Klassning av informationen i flödet; varje nyckel som utelämnas ärvs från systemet i "
        "from.",
    # -- procurement ------------------------------------------------------------------------------
    "A proposed acquisition (upphandling/anskaffning): what CI gates.":
        "En föreslagen anskaffning eller upphandling: det som CI prövar.",
    "Always 'procurement'.": "Alltid 'procurement'.",
    "Title of the procurement.": "Vad som ska anskaffas.",
    "Organization id that asks for it.": "Id för organisationen som begär anskaffningen.",
    "Capability ids the acquisition would serve.": "Id för förmågorna som anskaffningen ska stödja.",
    "proposed (default), approved, rejected or awarded.":
        "proposed (föreslagen, standard), approved (godkänd), rejected (avslagen) eller "
        "awarded (tilldelad).",
    "Estimated yearly cost.": "Uppskattad årlig kostnad.",
    "Measurable effect goals (effektmål).": "Mätbara effektmål.",
    "What should get better.": "Vad som ska bli bättre.",
    "How it is measured.": "Hur det mäts.",
    "Target value of the metric.": "Målvärde för måttet.",
    "Date by which the target is to be reached.": "Datum då målvärdet ska vara nått.",
    "Existing systems examined and why they do not serve.":
        "Befintliga system som prövats, och varför de inte räcker.",
    "System id examined.": "Id för systemet som prövats.",
    "Why it does not serve.": "Varför systemet inte räcker.",
    # -- exception --------------------------------------------------------------------------------
    "A decided, time-limited waiver of a principle for one entity.":
        "Ett beslutat, tidsbegränsat undantag från en princip för en entitet.",
    "Always 'exception'.": "Alltid 'exception'.",
    "Principle id waived.": "Id för principen som undantaget gäller.",
    "Id of the entity the waiver applies to.": "Id för entiteten som undantaget gäller.",
    "Why the waiver was granted.": "Varför undantaget beviljades.",
    "Who decided.": "Vem som beslutade.",
    "Diary number of the decision (diarienummer).": "Beslutets diarienummer.",
    "Last day the exception holds.": "Sista dagen undantaget gäller.",
    # -- principle --------------------------------------------------------------------------------
    "An architecture principle bound to a built-in check.":
        "En arkitekturprincip, knuten till en inbyggd kontroll.",
    "Always 'principle'.": "Alltid 'principle'.",
    "Title, as text or per language {sv, en}.": "Rubrik, som text eller per språk {sv, en}.",
    "What the principle says.": "Vad principen säger.",
    "Why it matters.": "Varför den är viktig.",
    "What it means in practice.": "Vad den innebär i praktiken.",
    "Name of a built-in check.": "Namnet på en inbyggd kontroll.",
    "Parameters the check takes.": "Kontrollens parametrar.",
    "error (default), warning or info.": "error (standard), warning eller info.",
    "Default true.": "Standard true.",
    # -- parameters of the built-in checks ---------------------------------------------------------
    "Procurement statuses the check applies to.": "Upphandlingsstatusar som kontrollen prövar.",
    "Countries where protected data may be stored or processed.":
        "Länder där skyddsvärd information får lagras eller behandlas.",
    "Provider jurisdictions that need customer-managed keys for protected data.":
        "Leverantörsländer som kräver kundhanterade nycklar för skyddsvärd information.",
    "Sensitive personal data counts as protected.": "Känsliga personuppgifter räknas som skyddsvärda.",
    "Confidentiality at or above this level counts as protected.":
        "Konfidentialitet på eller över den här nivån räknas som skyddsvärd.",
    "Information under secrecy (OSL) counts as protected.":
        "Uppgifter under sekretess (OSL) räknas som skyddsvärda.",
    "At or above this level: only on-premises or private-cloud.":
        "På eller över den här nivån: endast on-premises eller private-cloud.",
    "How many months ahead a contract end counts as soon.":
        "Hur många månader i förväg ett avtalsslut räknas som nära.",
    "Capability id that marks a system as an integration platform.":
        "Id för förmågan som gör ett system till integrationsplattform.",
    # -- settings ---------------------------------------------------------------------------------
    "Group settings.": "Koncernens inställningar.",
    "Name of the group.": "Koncernens namn.",
    "Report language (default sv).": "Rapporternas språk (standard sv).",
    "ISO 4217 currency code (default SEK).": "Valutakod enligt ISO 4217 (standard SEK).",
    "ISO 3166-1 alpha-2 code (default SE).":
        "Landskod enligt ISO 3166-1 alfa-2 (standard SE): var koncernens egen datahall finns.",
    "Longest time ahead, in months from today, that an exception may expire (default 36).":
        "Hur många månader framåt från i dag ett undantag längst får gälla (standard 36).",
    "Targets per quarter for the report's indexes.": "Mål per kvartal för rapportens index.",
    "Target per quarter, e.g. 2027-Q2: 0.5": "Mål per kvartal, till exempel 2027-Q2: 0.5",
}
