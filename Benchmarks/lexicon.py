"""Word lists for Benchmarks/generate.py.

Everything here was written for this benchmark: generic English vocabulary grouped by news
topic, plus syllables from which people, places, storms and organisations are coined. Nothing
is taken from any corpus.

Notation: nouns are "singular" or "singular/plural"; verbs are "base/past" or
"base/past/participle"; quantities are "label|low|high|format" where format is one of
int (1,234), pct (12 percent), money (4.2 million dollars), dec (3.7), small (2..40).
"""

TOPICS = {
    "weather": dict(
        section="weather",
        events=["storm:Storm {C}", "flood:the {P} flood", "heatwave:the {R} heatwave",
                "blizzard:the {P} blizzard", "cyclone:Cyclone {C}"],
        nouns="levee roof shelter gust downpour floodwater forecast warning basement pumping_station "
              "power_line substation riverbank hailstone snowdrift sandbag culvert "
              "storm_drain coastline ferry_terminal orchard greenhouse highway underpass "
              "generator rain_gauge radar front pressure_system barometer evacuation_route "
              "tide surge/surges shoreline drainage canal".split(),
        verbs="flood/flooded batter/battered uproot/uprooted strand/stranded sweep/swept "
              "inundate/inundated damage/damaged block/blocked evacuate/evacuated "
              "restore/restored clear/cleared reinforce/reinforced topple/toppled "
              "submerge/submerged pound/pounded drench/drenched".split(),
        adjs="torrential gusty saturated low-lying waterlogged coastal icy sweltering "
             "relentless swollen flattened stormbound".split(),
        roles=["meteorologist", "forecaster", "emergency manager", "fire chief",
               "utility spokesperson", "county commissioner", "harbour master"],
        orgs=["{P} Weather Office", "{R} Emergency Management Agency", "{P} Power Cooperative",
              "National Meteorological Service", "{R} Coast Guard Station", "{P} Water Board"],
        qty=["homes without power|2000|180000|int", "millimetres of rain|40|420|int",
             "people evacuated|300|45000|int", "kilometres per hour winds|90|240|int",
             "roads closed|12|400|int", "emergency shelters opened|4|90|int"],
    ),
    "courts": dict(
        section="justice",
        events=["trial:the {S} trial", "lawsuit:the {O} lawsuit", "appeal:the {S} appeal",
                "ruling:the {P} zoning ruling", "inquiry:the {C} inquiry"],
        nouns="verdict jury/juries testimony indictment plea defendant prosecutor affidavit "
              "injunction subpoena courtroom docket appeal sentence bail hearing exhibit "
              "deposition settlement statute precedent motion objection witness/witnesses "
              "transcript acquittal conviction gag_order tribunal counsel "
              "cross-examination".split(),
        verbs="overturn/overturned uphold/upheld/upheld dismiss/dismissed convict/convicted "
              "acquit/acquitted indict/indicted subpoena/subpoenaed appeal/appealed "
              "sentence/sentenced testify/testified rule/ruled settle/settled "
              "adjourn/adjourned challenge/challenged sequester/sequestered".split(),
        adjs="sealed unanimous landmark contested procedural federal appellate criminal "
             "civil sworn disputed binding".split(),
        roles=["judge", "prosecutor", "defence attorney", "chief justice", "court clerk",
               "legal scholar", "plaintiff"],
        orgs=["{R} Superior Court", "{P} District Court", "{R} Court of Appeals",
              "{P} Bar Association", "Office of the {R} Attorney General", "{S} & {S} LLP"],
        qty=["years in prison|2|35|small", "million dollars in damages|1|900|int",
             "witnesses called|6|80|int", "days of deliberation|1|14|small",
             "counts in the indictment|3|60|int", "pages of filings|40|3000|int"],
    ),
    "transport": dict(
        section="transport",
        events=["derailment:the {P} derailment", "outage:the {O} signal outage",
                "strike:the {P} transit strike", "crash:the {P} motorway pile-up",
                "closure:the {C} Bridge closure"],
        nouns="carriage platform timetable signal_box locomotive freight_train commuter "
              "junction tunnel viaduct runway terminal gate baggage_hall tram_depot "
              "bus_lane toll_booth interchange overpass switch track_bed ticket_barrier "
              "conductor departure_board rolling_stock axle coupling level_crossing "
              "cargo_manifest".split(),
        verbs="derail/derailed reroute/rerouted suspend/suspended delay/delayed divert/diverted "
              "ground/grounded resume/resumed inspect/inspected reopen/reopened "
              "cancel/cancelled strand/stranded halt/halted tow/towed repair/repaired "
              "overhaul/overhauled".split(),
        adjs="overcrowded delayed northbound southbound high-speed regional suburban "
             "congested ageing electrified overnight standstill".split(),
        roles=["transport minister", "rail union leader", "station manager", "air traffic controller",
               "bus driver", "accident investigator", "commuter advocate"],
        orgs=["{P} Transit Authority", "{R} Rail Network", "{C} Airways",
              "{R} Highway Patrol", "National Transport Safety Board", "{P} Port Authority"],
        qty=["passengers affected|800|250000|int", "trains cancelled|10|900|int",
             "flights grounded|5|600|int", "hours of delays|2|72|small",
             "kilometres of track|3|140|int", "million dollars in repairs|1|400|int"],
    ),
    "elections": dict(
        section="politics",
        events=["election:the {R} governor election", "referendum:the {P} referendum",
                "recount:the {R} recount", "primary:the {S} primary",
                "runoff:the {P} mayoral runoff"],
        nouns="ballot precinct turnout candidate incumbent challenger caucus platform "
              "polling_station voter_roll absentee_ballot exit_poll manifesto debate "
              "concession_speech coalition mandate constituency electorate district "
              "campaign_rally endorsement runoff recount canvass seat majority "
              "opposition_bench".split(),
        verbs="concede/conceded campaign/campaigned endorse/endorsed certify/certified "
              "tally/tallied contest/contested nominate/nominated poll/polled "
              "challenge/challenged rally/rallied unseat/unseated canvass/canvassed "
              "redraw/redrew/redrawn mobilise/mobilised".split(),
        adjs="narrow decisive partisan bipartisan provisional swing rural urban "
             "centrist progressive conservative record".split(),
        roles=["candidate", "campaign manager", "election official", "party chair",
               "political analyst", "pollster", "incumbent governor"],
        orgs=["{R} Election Commission", "{C} Party", "{P} Board of Canvassers",
              "{R} Voters League", "{C} Polling Institute", "{P} City Council"],
        qty=["percent turnout|31|82|pct", "votes separating the candidates|40|90000|int",
             "precincts reporting|20|3000|int", "seats in the assembly|5|120|int",
             "million dollars in campaign spending|1|300|int", "percent of the vote|38|67|pct"],
    ),
    "health": dict(
        section="health",
        events=["outbreak:the {C} fever outbreak", "shortage:the {P} nurse shortage",
                "recall:the {O} drug recall", "trial:the {C} vaccine trial",
                "closure:the {P} hospital closure"],
        nouns="clinic ward vaccine dose symptom infection patient nurse/nurses physician "
              "pharmacy prescription quarantine antibody diagnosis pathogen inpatient "
              "outpatient emergency_room intensive_care bed ventilator screening "
              "specimen laboratory immunity booster caseload epidemiologist "
              "health_record triage".split(),
        verbs="vaccinate/vaccinated diagnose/diagnosed treat/treated isolate/isolated "
              "admit/admitted discharge/discharged screen/screened quarantine/quarantined "
              "prescribe/prescribed hospitalise/hospitalised trace/traced recall/recalled "
              "contain/contained test/tested".split(),
        adjs="contagious chronic acute respiratory clinical elderly overstretched "
             "preventive antiviral paediatric infectious understaffed".split(),
        roles=["health minister", "epidemiologist", "hospital director", "chief nurse",
               "public health officer", "virologist", "family doctor"],
        orgs=["{P} General Hospital", "{R} Department of Health", "{C} Pharmaceuticals",
              "{R} Centre for Disease Control", "{P} Nurses Union", "{C} Medical Institute"],
        qty=["confirmed cases|12|9000|int", "patients hospitalised|5|1500|int",
             "doses administered|1000|900000|int", "percent of beds occupied|60|99|pct",
             "clinics closed|2|60|small", "days of quarantine|5|21|small"],
    ),
    "sport": dict(
        section="sport",
        events=["final:the {C} Cup final", "transfer:the {S} transfer", "derby:the {P} derby",
                "doping:the {S} doping case", "marathon:the {P} marathon"],
        nouns="striker goalkeeper midfielder referee penalty stoppage_time stadium "
              "scoreline league_table championship trophy fixture squad/squads coach "
              "substitute hat-trick header corner_kick injury/injuries semifinal "
              "season_ticket dressing_room contract sprint finish_line relay lap "
              "podium world_record".split(),
        verbs="score/scored defeat/defeated equalise/equalised tackle/tackled "
              "sign/signed bench/benched clinch/clinched concede/conceded "
              "relegate/relegated sprint/sprinted overtake/overtook/overtaken "
              "celebrate/celebrated sideline/sidelined suspend/suspended".split(),
        adjs="unbeaten dramatic late second-half injury-hit home away title-winning "
             "record-breaking promoted veteran stoppage-time".split(),
        roles=["head coach", "captain", "team doctor", "club chairman", "referee",
               "sports director", "star striker"],
        orgs=["{P} United", "{P} Athletic Club", "{R} Football Federation",
              "{C} Sports Agency", "{R} Anti-Doping Authority", "{P} Rovers"],
        qty=["fans in attendance|3000|90000|int", "goals this season|4|45|small",
             "million dollars transfer fee|2|180|int", "minutes played|12|90|small",
             "points clear at the top|1|15|small", "seconds off the record|1|30|small"],
    ),
    "business": dict(
        section="business",
        events=["merger:the {O} merger", "layoffs:the {O} layoffs", "earnings:{O} earnings",
                "bankruptcy:the {O} bankruptcy", "takeover:the {C} takeover_bid"],
        nouns="shareholder dividend profit revenue acquisition "
              "takeover_bid valuation chief_executive board supply_chain warehouse "
              "factory_floor payroll subsidiary stock_price bond_market margin "
              "creditor audit restructuring buyout franchise retail_outlet "
              "inventory guidance market_share".split(),
        verbs="acquire/acquired merge/merged report/reported cut/cut/cut "
              "restructure/restructured downgrade/downgraded invest/invested "
              "divest/divested lay_off/laid_off/laid_off expand/expanded "
              "announce/announced beat/beat/beaten miss/missed delist/delisted "
              "refinance/refinanced".split(),
        adjs="quarterly annual struggling profitable hostile listed diversified "
             "cost-cutting bullish bearish debt-laden lucrative".split(),
        roles=["chief_executive", "chief financial officer", "market analyst", "board chair",
               "union representative", "investor", "economist"],
        orgs=["{C} Holdings", "{C} Group", "{P} Industries", "{C} Capital Partners",
              "{R} Securities Commission", "{C} Logistics"],
        qty=["million dollars in profit|2|900|int", "jobs cut|40|12000|int",
             "percent rise in revenue|2|48|pct", "billion dollars deal value|1|60|int",
             "stores closed|3|400|int", "percent drop in share price|2|40|pct"],
    ),
    "science": dict(
        section="science",
        events=["mission:the {C} mission", "discovery:the {C} discovery",
                "launch:the {C} launch", "study:the {P} University study",
                "eclipse:the {C} expedition"],
        nouns="telescope probe orbit spacecraft payload satellite laboratory specimen "
              "genome fossil/fossils particle detector reactor sample hypothesis "
              "peer_review dataset observatory lander rover crater asteroid "
              "galaxy/galaxies spectrum microscope enzyme protein molecule "
              "research_vessel sediment_core".split(),
        verbs="discover/discovered launch/launched detect/detected sequence/sequenced "
              "observe/observed measure/measured publish/published replicate/replicated "
              "deploy/deployed analyse/analysed map/mapped orbit/orbited "
              "calibrate/calibrated synthesise/synthesised".split(),
        adjs="peer-reviewed experimental orbital microscopic ancient deep-sea "
             "interstellar molecular preliminary groundbreaking robotic faint".split(),
        roles=["lead researcher", "astrophysicist", "mission director", "geneticist",
               "palaeontologist", "chemist", "postdoctoral fellow"],
        orgs=["{P} University", "{C} Space Agency", "{R} Institute of Technology",
              "{C} Observatory", "{R} Science Foundation", "{C} Research Centre"],
        qty=["light-years away|40|9000|int", "kilograms of payload|50|9000|int",
             "million years old|1|400|int", "samples collected|12|3000|int",
             "researchers involved|6|400|int", "million dollars in funding|1|900|int"],
    ),
    "education": dict(
        section="education",
        events=["strike:the {P} teachers strike", "reform:the {R} curriculum reform",
                "closure:the {S} school closure", "funding:the {R} school funding dispute",
                "exam:the {C} exam leak"],
        nouns="classroom curriculum tuition scholarship enrolment headteacher pupil "
              "semester campus lecture_hall dormitory textbook exam/exams grading "
              "timetable school_bus playground cafeteria accreditation syllabus "
              "graduation diploma kindergarten tutor faculty tenure attendance "
              "school_board".split(),
        verbs="enrol/enrolled graduate/graduated suspend/suspended expel/expelled "
              "fund/funded accredit/accredited close/closed reopen/reopened "
              "grade/graded tutor/tutored overhaul/overhauled merge/merged "
              "reinstate/reinstated boycott/boycotted".split(),
        adjs="underfunded overcrowded public private rural bilingual vocational "
             "standardised remedial elementary secondary academic".split(),
        roles=["headteacher", "education secretary", "teachers union leader",
               "university chancellor", "parent representative", "school superintendent",
               "student president"],
        orgs=["{P} School District", "{R} Department of Education", "{P} Teachers Federation",
              "{C} Academy", "{P} Community College", "{R} Board of Regents"],
        qty=["pupils affected|200|90000|int", "schools closed|2|300|int",
             "percent pay rise demanded|3|25|pct", "teachers on strike|40|20000|int",
             "million dollars in funding|1|500|int", "days of lessons lost|1|30|small"],
    ),
    "energy": dict(
        section="energy",
        events=["blackout:the {R} blackout", "spill:the {C} pipeline spill",
                "shutdown:the {P} reactor shutdown", "auction:the {R} wind auction",
                "price:the {R} fuel price spike"],
        nouns="pipeline refinery turbine reactor grid/grids transmission_line substation "
              "kilowatt megawatt barrel/barrels crude_oil wind_farm solar_panel "
              "battery/batteries storage_plant coal_seam gas_field tariff meter "
              "outage load operator drilling_rig emissions_permit offshore_platform "
              "heat_pump fuel_depot".split(),
        verbs="generate/generated shut_down/shut_down/shut_down ration/rationed "
              "drill/drilled refine/refined export/exported import/imported "
              "decommission/decommissioned connect/connected curtail/curtailed "
              "leak/leaked subsidise/subsidised meter/metered restart/restarted".split(),
        adjs="renewable offshore nuclear fossil peak baseload volatile low-carbon "
             "wholesale grid-scale intermittent regulated".split(),
        roles=["energy minister", "grid operator", "plant manager", "energy analyst",
               "regulator", "pipeline engineer", "climate campaigner"],
        orgs=["{C} Energy", "{R} Grid Corporation", "{P} Nuclear Station",
              "{R} Energy Regulator", "{C} Petroleum", "{C} Renewables"],
        qty=["megawatts of capacity|50|4000|int", "barrels spilled|100|90000|int",
             "households affected|1000|600000|int", "percent rise in bills|2|60|pct",
             "hours without electricity|2|96|small", "billion dollars investment|1|40|int"],
    ),
    "technology": dict(
        section="technology",
        events=["breach:the {O} data breach", "launch:the {C} phone launch",
                "outage:the {C} cloud outage", "ruling:the {O} antitrust ruling",
                "hack:the {C} ransomware attack"],
        nouns="server/servers database password encryption firmware chip/chips "
              "semiconductor smartphone algorithm software_update app/apps browser "
              "data_centre cloud account login breach/breaches patch vulnerability "
              "bandwidth router startup user/users platform moderation "
              "source_code backup".split(),
        verbs="hack/hacked encrypt/encrypted patch/patched leak/leaked "
              "launch/launched update/updated restore/restored disable/disabled "
              "migrate/migrated compromise/compromised scrape/scraped "
              "throttle/throttled reboot/rebooted acquire/acquired".split(),
        adjs="encrypted open-source proprietary wireless malicious vulnerable "
             "automated cloud-based digital mobile unpatched decentralised".split(),
        roles=["security researcher", "chief technology officer", "software engineer",
               "privacy regulator", "product manager", "tech analyst", "founder"],
        orgs=["{C} Systems", "{C} Labs", "{C} Networks", "{R} Data Protection Authority",
              "{C} Software", "{C} Semiconductors"],
        qty=["million accounts exposed|1|400|int", "hours of downtime|1|60|small",
             "million users|1|900|int", "percent of servers affected|3|90|pct",
             "million dollars ransom|1|90|int", "countries affected|2|120|int"],
    ),
    "agriculture": dict(
        section="farming",
        events=["drought:the {R} drought", "harvest:the {R} grain harvest",
                "blight:the {C} blight", "protest:the {P} farmers protest",
                "disease:the {P} livestock disease"],
        nouns="harvest crop/crops wheat barley maize orchard vineyard livestock cattle "
              "herd/herds tractor irrigation silo fertiliser pesticide grain/grains "
              "acreage yield drought field/fields dairy_farm cooperative "
              "subsidy/subsidies pasture sheep abattoir seed_bank".split(),
        verbs="harvest/harvested plant/planted irrigate/irrigated cull/culled "
              "graze/grazed spray/sprayed ration/rationed export/exported "
              "subsidise/subsidised fallow/fallowed rotate/rotated thresh/threshed "
              "blockade/blockaded ship/shipped".split(),
        adjs="parched fertile organic arable drought-hit frost-damaged bumper "
             "rain-fed smallholder pastoral seasonal rural".split(),
        roles=["farmer", "agriculture minister", "veterinary officer", "agronomist",
               "cooperative chair", "grain trader", "farm union leader"],
        orgs=["{R} Farmers Union", "{R} Ministry of Agriculture", "{C} Grain Cooperative",
              "{P} Agricultural Research Station", "{C} Seeds", "{R} Veterinary Service"],
        qty=["tonnes of grain|1000|900000|int", "percent drop in yield|5|70|pct",
             "head of cattle culled|50|40000|int", "hectares affected|200|300000|int",
             "tractors at the protest|20|2000|int", "million dollars in aid|1|600|int"],
    ),
    "housing": dict(
        section="cities",
        events=["collapse:the {P} tower collapse", "eviction:the {P} evictions",
                "plan:the {P} housing plan", "rent:the {R} rent freeze",
                "fire:the {C} House fire"],
        nouns="apartment/apartments tenant/tenants landlord rent mortgage eviction "
              "high-rise building_permit zoning scaffolding foundation developer "
              "social_housing estate renovation facade sprinkler fire_escape "
              "inspector homeowner/homeowners lease deposit neighbourhood "
              "construction_site crane lift_shaft".split(),
        verbs="evict/evicted demolish/demolished renovate/renovated inspect/inspected "
              "rezone/rezoned build/built/built lease/leased condemn/condemned "
              "rehouse/rehoused freeze/froze/frozen approve/approved "
              "retrofit/retrofitted collapse/collapsed".split(),
        adjs="affordable derelict high-rise rent-controlled gentrifying overcrowded "
             "unsafe listed vacant subsidised mixed-use dilapidated".split(),
        roles=["housing minister", "tenant organiser", "building inspector", "mayor",
               "property developer", "city planner", "landlord association chair"],
        orgs=["{P} Housing Authority", "{P} City Council", "{C} Developments",
              "{P} Tenants Union", "{R} Planning Commission", "{C} Property Trust"],
        qty=["families displaced|5|3000|int", "new homes planned|100|60000|int",
             "percent rise in rents|2|35|pct", "floors in the building|4|60|small",
             "eviction notices issued|10|9000|int", "million dollars budget|1|900|int"],
    ),
    "crime": dict(
        section="crime",
        events=["robbery:the {P} bank robbery", "shooting:the {P} shooting",
                "fraud:the {O} fraud", "manhunt:the {S} manhunt",
                "heist:the {C} jewellery heist"],
        nouns="suspect/suspects detective arrest warrant getaway_car patrol_officer "
              "forensic_evidence crime_scene cordon witness/witnesses motive "
              "surveillance_footage firearm ammunition accomplice ransom "
              "interrogation police_station custody alibi tip-off raid "
              "stolen_goods checkpoint informant".split(),
        verbs="arrest/arrested detain/detained charge/charged raid/raided "
              "seize/seized question/questioned identify/identified pursue/pursued "
              "release/released search/searched trace/traced apprehend/apprehended "
              "confiscate/confiscated cordon_off/cordoned_off".split(),
        adjs="armed masked suspected fugitive undercover violent organised "
             "unmarked anonymous forensic nighttime brazen".split(),
        roles=["police chief", "detective inspector", "sheriff", "district attorney",
               "witness", "police spokesperson", "forensic analyst"],
        orgs=["{P} Police Department", "{R} Bureau of Investigation", "{R} Sheriff's Office",
              "{P} Crime Stoppers", "{R} State Police", "{C} Security"],
        qty=["suspects arrested|1|40|small", "thousand dollars stolen|10|9000|int",
             "officers deployed|10|900|int", "rounds fired|2|60|small",
             "homes searched|2|80|small", "hours of the manhunt|3|96|small"],
    ),
    "defence": dict(
        section="world",
        events=["exercise:the {C} naval exercise", "incursion:the {R} border incursion",
                "contract:the {C} fighter jet contract", "ceasefire:the {R} ceasefire",
                "drone:the {P} drone strike"],
        nouns="battalion brigade frigate destroyer submarine airbase missile/missiles "
              "drone/drones convoy checkpoint artillery ceasefire troop/troops "
              "garrison warship radar peacekeeper/peacekeepers border_post "
              "armoured_vehicle ammunition_depot airspace patrol_boat "
              "defence_budget reservist/reservists".split(),
        verbs="deploy/deployed intercept/intercepted withdraw/withdrew/withdrawn "
              "shell/shelled patrol/patrolled mobilise/mobilised station/stationed "
              "retaliate/retaliated escort/escorted fortify/fortified "
              "shoot_down/shot_down/shot_down breach/breached redeploy/redeployed".split(),
        adjs="armoured naval airborne strategic tactical joint ballistic contested "
             "demilitarised forward unmanned coastal".split(),
        roles=["defence minister", "army general", "navy commander", "military analyst",
               "border guard", "peace envoy", "air force colonel"],
        orgs=["{R} Armed Forces", "{C} Defence Systems", "{R} Ministry of Defence",
              "{C} Alliance", "{R} Border Guard", "{C} Aerospace"],
        qty=["troops deployed|200|40000|int", "drones intercepted|2|90|small",
             "billion dollars contract|1|50|int", "kilometres from the border|3|200|int",
             "warships taking part|2|40|small", "civilians evacuated|50|30000|int"],
    ),
    "culture": dict(
        section="culture",
        events=["festival:the {P} film festival", "auction:the {S} painting auction",
                "premiere:the {C} premiere", "theft:the {P} museum theft",
                "award:the {C} Prize ceremony"],
        nouns="museum gallery exhibition sculpture canvas curator premiere director "
              "screenplay orchestra symphony choir ballet opera novel/novels "
              "manuscript auction_house bidder collection retrospective stage "
              "audience box_office soundtrack portrait mural festival/festivals "
              "red_carpet".split(),
        verbs="exhibit/exhibited premiere/premiered auction/auctioned restore/restored "
              "acquire/acquired curate/curated perform/performed compose/composed "
              "commission/commissioned unveil/unveiled stage/staged "
              "screen/screened donate/donated loan/loaned".split(),
        adjs=["acclaimed", "experimental", "avant-garde", "restored", "baroque", "sold-out",
              "long-lost", "celebrated", "contemporary", "classical", "anticipated"],
        roles=["curator", "film director", "conductor", "museum director", "art critic",
               "novelist", "festival director"],
        orgs=["{P} Museum of Art", "{C} Auction House", "{P} Symphony Orchestra",
              "{P} Film Festival", "{C} Foundation", "{P} Opera House"],
        qty=["million dollars at auction|1|200|int", "visitors|2000|900000|int",
             "films screened|20|400|int", "years in storage|5|300|int",
             "works on display|10|900|int", "minutes of standing ovation|2|15|small"],
    ),
    "environment": dict(
        section="environment",
        events=["spill:the {P} chemical spill", "die-off:the {P} fish die-off",
                "wildfire:the {C} Ridge wildfire", "ban:the {R} plastics ban",
                "reserve:the {C} marine reserve"],
        nouns="wetland estuary reef habitat species pollutant wildfire firebreak "
              "emission/emissions watershed algae_bloom carbon permit "
              "conservation_area ranger/rangers nesting_site landfill recycling_plant "
              "toxin sediment smoke_plume air_quality groundwater "
              "reforestation migratory_bird/birds".split(),
        verbs="contaminate/contaminated protect/protected restore/restored "
              "monitor/monitored pollute/polluted ban/banned relocate/relocated "
              "reforest/reforested scorch/scorched contain/contained "
              "discharge/discharged fine/fined rehabilitate/rehabilitated".split(),
        adjs="endangered toxic protected invasive migratory pristine degraded "
             "sustainable carbon-neutral scorched polluted native".split(),
        roles=["park ranger", "environment minister", "marine biologist", "firefighter",
               "conservationist", "water quality inspector", "ecologist"],
        orgs=["{R} Environment Agency", "{P} Wildlife Trust", "{R} Forest Service",
              "{C} Chemicals", "{R} Parks Authority", "{C} Conservation Fund"],
        qty=["hectares burned|100|200000|int", "tonnes of fish killed|2|400|int",
             "litres of chemicals|500|90000|int", "species at risk|3|120|int",
             "firefighters deployed|40|4000|int", "percent of the reef damaged|4|70|pct"],
    ),
    "labour": dict(
        section="work",
        events=["strike:the {O} strike", "walkout:the {P} dockworkers walkout",
                "deal:the {O} pay deal", "lockout:the {C} lockout",
                "minimum:the {R} minimum wage rise"],
        nouns="union/unions picket_line wage/wages overtime shift/shifts walkout "
              "ballot pay_offer pension collective_bargaining arbitration "
              "grievance workforce shop_steward contract negotiation mediator "
              "strike_fund payslip dock/docks warehouse_staff apprenticeship "
              "sick_leave".split(),
        verbs="strike/struck/struck negotiate/negotiated ratify/ratified reject/rejected "
              "picket/picketed mediate/mediated unionise/unionised dismiss/dismissed "
              "walk_out/walked_out reinstate/reinstated ballot/balloted "
              "lock_out/locked_out arbitrate/arbitrated".split(),
        adjs="unionised indefinite provisional low-paid part-time seasonal "
             "collective binding inflation-linked frontline disgruntled striking".split(),
        roles=["union leader", "labour minister", "shop_steward", "mediator",
               "human resources director", "warehouse worker", "employers federation head"],
        orgs=["{R} Workers Union", "{C} Logistics", "{R} Labour Relations Board",
              "{P} Port Company", "{R} Employers Federation", "{C} Freight"],
        qty=["workers on strike|100|90000|int", "percent pay rise|2|20|pct",
             "days of the strike|1|60|small", "million dollars in lost output|1|900|int",
             "containers stranded|100|40000|int", "percent of members voting yes|51|97|pct"],
    ),
    "diplomacy": dict(
        section="world",
        events=["summit:the {P} summit", "treaty:the {C} treaty", "talks:the {P} talks",
                "sanctions:the {R} sanctions package", "visit:the {S} state visit"],
        nouns="envoy/envoys ambassador delegation communique treaty summit embassy "
              "consulate sanction/sanctions tariff/tariffs trade_pact foreign_minister "
              "negotiator/negotiators accord memorandum visa/visas bilateral_talks "
              "protocol ratification observer/observers corridor declaration "
              "prisoner_exchange".split(),
        verbs="sign/signed ratify/ratified negotiate/negotiated expel/expelled "
              "recall/recalled impose/imposed lift/lifted broker/brokered "
              "condemn/condemned host/hosted postpone/postponed "
              "summon/summoned reaffirm/reaffirmed".split(),
        adjs="bilateral multilateral diplomatic tense cordial landmark "
             "non-binding reciprocal unprecedented high-level closed-door "
             "stalled".split(),
        roles=["foreign_minister", "ambassador", "special envoy", "prime minister",
               "president", "trade negotiator", "spokesperson for the ministry"],
        orgs=["{R} Foreign Ministry", "{C} Union", "{C} Council of Nations",
              "Embassy of {R}", "{C} Trade Organisation", "{R} Presidential Office"],
        qty=["delegates attending|10|900|int", "billion dollars in trade|1|300|int",
             "hours of talks|2|40|small", "prisoners exchanged|2|400|int",
             "countries signing|2|90|int", "diplomats expelled|2|40|small"],
    ),
    "disaster": dict(
        section="world",
        events=["earthquake:the {R} earthquake", "landslide:the {P} landslide",
                "eruption:the Mount {C} eruption", "tsunami:the {R} tsunami warning",
                "avalanche:the {P} avalanche"],
        nouns="aftershock epicentre rubble rescuer/rescuers search_dog debris tremor "
              "magnitude fault_line ash_cloud lava_flow crater evacuation_centre "
              "field_hospital relief_supplies tent/tents helicopter seismograph "
              "collapsed_building survivor/survivors death_toll mudslide "
              "sniffer_dog rescue_team".split(),
        verbs="collapse/collapsed bury/buried rescue/rescued airlift/airlifted "
              "evacuate/evacuated shake/shook/shaken trap/trapped erupt/erupted "
              "flatten/flattened recover/recovered excavate/excavated "
              "level/levelled strike/struck/struck".split(),
        adjs="shallow powerful deadly remote mountainous volcanic seismic "
             "devastated makeshift cut-off quake-hit ash-covered".split(),
        roles=["rescue coordinator", "seismologist", "volcanologist", "provincial governor",
               "aid worker", "civil defence chief", "survivor"],
        orgs=["{R} Civil Defence", "{C} Seismological Institute", "{R} Red Cross",
              "{C} Relief Fund", "{R} Disaster Agency", "{P} Volcano Observatory"],
        qty=["people killed|2|900|int", "people missing|3|300|int", "magnitude|52|81|dec",
             "buildings destroyed|20|9000|int", "aftershocks recorded|5|300|int",
             "survivors pulled from the rubble|2|200|int"],
    ),
}

# Generic news vocabulary shared by every story.
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SAID = ["said", "said on {D}", "told reporters", "said in a statement", "confirmed",
        "told {OUT}", "said late on {D}", "added", "noted", "said at a briefing"]
ABOUT = ["", "", "", "about ", "more than ", "nearly ", "at least ", "roughly ", "some "]
ORDINALS = ["second", "third", "fourth", "fifth", "worst", "largest", "first"]

FIRST_NAMES = """Ada Adrian Aisha Alma Amara Anders Anika Arjun Astrid Aurelio Beatriz Benedikt
Bianca Bram Camila Casimir Celeste Chiara Cyrus Dalia Damian Daria Dev Dorothea Eamon Edda
Elif Emeka Esme Ezra Fatima Felix Freya Gideon Greta Hana Hassan Helga Ilse Imani Ines Ivo
Jonas Juno Kaito Kamala Karim Katrin Lars Leila Leon Linnea Lucia Malik Mara Marek Mateo
Mika Mira Nadia Nico Nils Noor Olek Olivia Omar Orla Pablo Petra Priya Quentin Rafael Rania
Rhea Rosalind Ruben Saanvi Samir Selma Sven Tamsin Tariq Thea Tobias Ulla Valentin Vera
Wanjiru Wilhelm Xenia Yara Yusuf Zara Zeno Bruno Carmen Dmitri Elena Farah Gustav Hugo
Isak Jasmin Kofi Lena Milo Nora Oskar Paula Rosa Stellan Tomas Una Viktor Wren""".split()

ONSETS = ["b", "br", "c", "ch", "d", "dr", "f", "g", "gr", "h", "j", "k", "kr", "l", "m",
          "n", "p", "pr", "r", "s", "sh", "st", "t", "tr", "v", "w", "z", "th", "bl", "fl"]
VOWELS = ["a", "e", "i", "o", "u", "a", "e", "o", "ai", "ei", "ou", "ia", "y"]
CODAS = ["", "", "", "n", "r", "l", "s", "m", "nd", "rk", "th", "st", "x", "lt", "rn"]
SURNAME_SUFFIX = ["", "", "son", "er", "ova", "ez", "berg", "ski", "ley", "ard", "ini", "sen",
                  "wood", "ik", "ano", "enko", "field", "ow"]
PLACE_SUFFIX = ["", "", "ford", "holm", "ville", "port", "burg", "mouth", "stad", " Falls",
                " Springs", "ton", "haven", "bridge", "wick", "dale", " Bay", "field"]
REGION_SUFFIX = [" County", " Province", " Valley", " Region", " State", "", " Coast", " Highlands"]

PHOTO_AGENCIES = ["Lumen Photo", "Northlight Images", "Pool", "Staff", "Redline Pictures",
                  "Getaway Images", "Harbor Press Photo", "Contributor"]

OUTLET_PREFIXES = """Harbor Northfield Meridian Cedar Lakeside Granite Riverton Summit Bayview
Pinecrest Ironbridge Westmark Eastgate Highland Silverlake Copperhill Brookside Redwood
Stonegate Fairhaven Oakmont Clearwater Foxhollow Greystone Kingsport Marlow Ashford Bellmont
Driftwood Evergreen Larkspur Millbrook Norland Orchard Pemberton Quarry Rosedale Thornbury
Valemont Windmere""".split()
OUTLET_NOUNS = ["Courier", "Ledger", "Herald", "Dispatch", "Wire", "Post", "Tribune", "Observer",
                "Gazette", "Chronicle", "Sentinel", "Journal", "Review", "Bulletin", "Times",
                "Daily", "Record", "Beacon", "Monitor", "Register", "News", "Standard"]
