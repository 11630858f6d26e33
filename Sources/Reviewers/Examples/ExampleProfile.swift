/// The profile every rule example is applied to: a good, complete upstream biomanufacturing
/// supervision ladder (M1–M3) written for this project. Failing examples degrade it; passing
/// examples show text the rule accepts. Kept here, not read from Profiles/, so editing the
/// bundled content cannot silently change what the examples prove.
public enum ExampleProfile {
    public static let file = "example/production-supervision-upstream.yaml"

    public static let yaml = #"""
# yaml-language-server: $schema=../../Rubrics/profile.schema.json
schema: review-profile/v1
id: MANUFA3.MANUFACT13A2
function: { code: MANUFA3, name: Manufacturing Operations }
focus: { code: MANUFACT13A2, name: Production Supervision (Upstream Processing) }
domain: biomanufacturing
summary: >-
  Leads GMP upstream production of biologics, from vial thaw and seed-train expansion through the production
  bioreactor to harvest and transfer of cell-culture fluid to clarification. The family runs from first-line
  supervision of one shift to leadership of the upstream department, and it owns schedule attainment, right-first-time
  batch execution, equipment readiness, upstream compliance and the people who do the work. It stops where clarified
  harvest enters downstream purification, and it is separate from the MSAT or process-engineering individual-contributor
  track, which owns process knowledge, validation strategy and technical transfer documents.
distinct_from:
  - Production Supervision (Downstream Purification)
  - Manufacturing Science and Technology (MSAT) Process Engineering
track: management
status: approved
version: 1
scope: global
confidence: 0.8
levels:
  - code: M1
    name: Manager
    years: { min: 3, max: 6 }
    pay: { currency: USD, low: 74000, median: 90000, high: 112000 }
    responsibilities:
      - >-
        Runs a single upstream shift from vial thaw and seed-train passages through N-1 and production bioreactors to
        harvest transfer, keeping HyPerforma S.U.B., Biostat STR and WAVE rocking-bag runs on the posted schedule.
      - >-
        Assigns each associate on the shift to media preparation, bioreactor set-up, sampling or inoculation tasks,
        and checks in the LMS that their training covers the SOP revision in force before they start.
      - >-
        Supervises gowning, biosafety-cabinet manipulations and cleanroom cleaning in the team's own area, correcting
        Good Documentation Practice errors in batch records and logbooks while the step is being performed.
      - >-
        Checks pH, dissolved oxygen, viable cell concentration and viability results from the Vi-CELL and Cedex Bio at
        every sample point against batch-record limits, and escalates any excursion before the next feed or transfer.
      - >-
        Opens deviation records for events on the shift, posts ERP material issues for media, feeds and single-use
        bags, and follows the escalation matrix for bioreactor alarms or faults outside routine troubleshooting.
    guidelines:
      knowledge: >-
        Knows each upstream unit operation hands-on, from cell thaw and counting to bioreactor control and harvest,
        and applies the SOPs, batch records, ERP transactions and 21 CFR 211 expectations that govern one shift.
      complexity: >-
        Solves routine production, equipment and paperwork problems with established fixes and escalates anything
        non-standard. Decisions affect the output and documentation of a single shift over days.
      collaboration: >-
        Talks every day with associates on the shift, the incoming and outgoing supervisor, and QA on the floor to
        hand out work, clear documentation and line up floor activities.
      experience: >-
        Usually 3 to 6 years in GMP cell-culture manufacturing, including time as a senior associate or lead before
        first supervisory responsibility.
  - code: M2
    name: Manager II
    years: { min: 5, max: 9 }
    pay: { currency: USD, low: 84000, median: 103000, high: 127000 }
    responsibilities:
      - >-
        Leads shift leads and senior associates on all shifts of the upstream suite, setting one shift-to-shift
        handover standard for bioreactor status, open deviations and staged materials so every crew works identically.
      - >-
        Authors and approves upstream deviations, CAPAs and change controls within delegated limits, and dispositions
        recurring events such as DO probe drift, antifoam over-addition or failed bag integrity tests with QA.
      - >-
        Trends viable cell concentration, viability, pH, dissolved oxygen, lactate and titre across batches and
        multiple shifts in JMP control charts, and launches floor improvement work when a cross-shift pattern appears.
      - >-
        Coordinates Maintenance, Microbiology and QA on cross-shift activities, including preventive-maintenance
        windows, environmental-monitoring excursions in Grade C suites and harvest timing agreed with the next area.
      - >-
        Reviews SOP and master batch record revisions for technical accuracy, and supports IQ/OQ of new equipment
        such as DynaDrive S.U.B. units and Mobius single-use mixers before they enter GMP use.
      - >-
        Coaches shift leads through structured feedback, annual reviews and performance plans, and builds a training
        matrix so that every bioreactor task has qualified operators across shifts.
    guidelines:
      knowledge: >-
        Applies deep cell-culture process knowledge and fluency in the quality system to lead supervisors and senior
        individual contributors, and to write and approve deviations, CAPAs and change controls.
      complexity: >-
        Exercises judgement inside established process and quality boundaries to solve recurring problems, trend
        critical process parameters and close deviations. Results show over a quarter in schedule attainment and
        repeat-event rates.
      collaboration: >-
        Works across shifts and with support groups such as Maintenance, Microbiology and QA; mentors shift leads and
        newer supervisors.
      experience: >-
        Usually 5 to 9 years of biomanufacturing experience, including at least 2 years leading a team in upstream
        production.
  - code: M3
    name: Senior Manager
    years: { min: 8, max: 12 }
    pay: { currency: USD, low: 92000, median: 117000, high: 149000 }
    responsibilities:
      - >-
        Owns the upstream department's operating plan, headcount and area budget, and sets yearly targets for
        schedule attainment, right-first-time batches and deviation recurrence, reported monthly to operations
        leadership.
      - >-
        Hires and develops supervisors for multiple teams, and decides staffing models and training curricula when new
        processes or equipment, such as a 2,000 L Xcellerex XDR train, move into commercial production.
      - >-
        Represents upstream in technology transfer from Process Development and in validation campaigns, committing
        department people and bioreactor time to engineering runs, PPQ batches and comparability studies.
      - >-
        Decides trade-offs among throughput, quality and capacity from statistical trends of process data, for example
        whether to split a seed train, extend a campaign or defer a batch to protect equipment readiness.
      - >-
        Owns the department's deviation, CAPA and change-control performance, approving closure of complex
        investigations such as bioreactor contamination events and funding systemic corrective actions.
      - >-
        Prioritises capital and improvement requests for the upstream manufacturing stream, such as added single-use
        bioreactor capacity or automation upgrades, and presents the business case to the operations director.
    guidelines:
      knowledge: >-
        Uses broad knowledge of upstream manufacturing and the product lifecycle, including process validation and
        21 CFR Part 600 biologics requirements, to run a department and weigh budget and capacity against quality.
      complexity: >-
        Weighs operational, compliance and capacity issues across teams and makes calls that change the schedule,
        quality results and cost of the department for the year.
      collaboration: >-
        Leads the department's supervisors and acts as the main upstream contact for MSAT, Process Development, QA and
        Facilities during transfers, campaigns and regulatory inspections.
      experience: >-
        Usually 8 to 12 years in biomanufacturing, including 5 or more years managing supervisors, professionals and an
        operating budget in a GMP plant.
skills:
  - name: People Leadership
    description: Supervises, coaches and trains associates and supervisors and manages their performance.
  - name: Production Scheduling
    description: Plans and assigns daily upstream tasks and tracks them so batches start and finish on time.
  - name: GMP Compliance
    description: Carries out and enforces work strictly to approved batch records, SOPs and current GMP regulations.
  - name: Deviation/CAPA/Change Control Management
    description: Opens, investigates and signs off deviation, CAPA and change-control records in the site QMS.
  - name: Bioreactor Operation
    description: >-
      Prepares, calibrates and controls single-use and stirred-tank bioreactors (HyPerforma S.U.B. and DynaDrive,
      Biostat STR, Xcellerex XDR, WAVE) used in seed-train and fed-batch production runs.
  - name: Upstream Equipment Operation
    description: >-
      Uses incubators, biosafety cabinets, blood-gas analysers, Vi-CELL cell counters and Cedex Bio metabolite analysers
      in routine cell-culture work.
  - name: Cell Counting and Culture Health Assessment
    description: Measures viable and total cell density and viability to judge culture health against process limits.
  - name: Aseptic Technique
    description: Performs open and closed transfers so cultures and product stay free of microbial contamination.
  - name: Cleanroom Discipline
    description: Applies gowning, cleaning and material-flow controls that keep classified suites within their grade.
  - name: Good Documentation Practices
    description: Records each step in batch records and logbooks contemporaneously and to ALCOA+ principles.
  - name: Batch Record Authoring
    description: Drafts and reviews SOPs and master batch records that define upstream operations.
  - name: Statistical Process Data Analysis
    description: Charts pH, DO, viable cell concentration and viability to spot drift and deepen process understanding.
  - name: Equipment Qualification
    description: Specifies, commissions and qualifies new upstream equipment through IQ, OQ and PQ for GMP use.
  - name: Cell Culture Science
    description: Understands cell biology, scale-up and oxygen mass transfer well enough to explain culture behaviour.
  - name: Technology Transfer
    description: Brings a process from Process Development into the plant and through PPQ to routine commercial supply.
aliases:
  - Upstream Manufacturing Supervisor
  - Cell Culture Manufacturing Supervisor
  - Upstream Production Manager
  - Senior Manager, Upstream Manufacturing
classifications:
  - { system: O*NET-SOC, code: 51-1011.00, source: s1 }
  - { system: O*NET-SOC, code: 11-3051.00, source: s2 }
sources:
  - id: s1
    title: 'O*NET OnLine summary: 51-1011.00 First-Line Supervisors of Production and Operating Workers'
    publisher: U.S. Department of Labor, Employment and Training Administration (O*NET)
    url: https://www.onetonline.org/link/summary/51-1011.00
    retrieved: 2026-11-20
    supports: [summary, classifications, skills]
  - id: s2
    title: 'O*NET OnLine summary: 11-3051.00 Industrial Production Managers'
    publisher: U.S. Department of Labor, Employment and Training Administration (O*NET)
    url: https://www.onetonline.org/link/summary/11-3051.00
    retrieved: 2026-11-20
    supports: [classifications, guidelines]
  - id: s3
    title: 'Occupational Employment and Wages: 51-1011 First-Line Supervisors of Production and Operating Workers'
    publisher: U.S. Bureau of Labor Statistics
    url: https://www.bls.gov/oes/current/oes511011.htm
    retrieved: 2026-11-20
    supports: [pay]
  - id: s4
    title: 21 CFR Part 211 - Current Good Manufacturing Practice for Finished Pharmaceuticals
    publisher: U.S. Food and Drug Administration (eCFR)
    url: https://www.ecfr.gov/current/title-21/chapter-I/subchapter-C/part-211
    retrieved: 2026-11-20
    supports: [responsibilities, guidelines, skills]
  - id: s5
    title: 21 CFR Part 600 - Biological Products, General
    publisher: U.S. Food and Drug Administration (eCFR)
    url: https://www.ecfr.gov/current/title-21/chapter-I/subchapter-F/part-600
    retrieved: 2026-11-20
    supports: [responsibilities, guidelines]
  - id: s6
    title: 'Process Validation: General Principles and Practices (Guidance for Industry)'
    publisher: U.S. Food and Drug Administration
    url: https://www.fda.gov/media/71021/download
    retrieved: 2026-11-20
    supports: [responsibilities, skills]
"""#
}
