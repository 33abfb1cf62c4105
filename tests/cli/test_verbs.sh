#!/bin/sh
# test_verbs.sh — the default verb dictionary (data/dict/cameo.verbs.txt): it loads cleanly,
# every CAMEO code has an entry, and sentences written for this test get the code a CAMEO
# coder would give (one sentence per CAMEO family, negation and noun-headed events).
. "$(dirname "$0")/lib.sh"
VERBS=data/dict/cameo.verbs.txt

"$REDLINE" dict check "$VERBS" >"$TMP/check" 2>&1; rc=$?
[ $rc -eq 0 ] && ok verbs_check_exit0 || fail verbs_check_exit0 "exit $rc: $(head -c 300 "$TMP/check")"
expect_contains verbs_check_clean "$TMP/check" "0 errors, 0 warnings (0 duplicates, 0 unreachable, 0 unknown codes)"
n=$(sed -n 's/.* verb blocks, .* event nouns, \([0-9]*\) patterns.*/\1/p' "$TMP/check" | head -n 1)
if [ -n "$n" ] && [ "$n" -ge 3000 ]; then ok verbs_at_least_3000_patterns
else fail verbs_at_least_3000_patterns "patterns: '$n'"; fi

if ! command -v python3 >/dev/null 2>&1; then skip verbs_events "python3 is absent"; exit 0; fi

"$REDLINE" codes >"$TMP/codes.tsv" 2>/dev/null
python3 scripts/verb-stats.py --codes "$TMP/codes.tsv" "$VERBS" >"$TMP/stats" 2>&1
expect_contains verbs_every_code_yielded "$TMP/stats" "codes with no entry: none"

# Sentences: text, expected source prefix ("-" = any), expected code ("!" = must not occur).
cat >"$TMP/cases.tsv" <<'CASES'
Iran will not negotiate with the United States.	IRN	125
The Egyptian foreign minister visited Jordan on Monday.	EGYGOV	042
Germany hosted the Polish president in Berlin.	DEU	043
Qatar mediated between Israel and Hamas.	QAT	045
France praised Morocco for its reforms.	FRA	051
Japan apologized to South Korea.	JPN	055
India and Bangladesh signed a trade agreement.	IND	057
Norway sent humanitarian aid to Syria.	NOR	073
Canada granted asylum to the dissidents.	CAN	075
Iran released the British tanker.	IRN	0842
Saudi Arabia lifted its curfew.	SAU	0813
Ecuador lifted the state of emergency.	ECU	0814
Pakistan lifted the ban on the opposition party.	PAK	0812
The United States eased sanctions on Venezuela.	USA	085
Serbia allowed inspectors into the site.	SRB	0862
Russia withdrew its troops from the border.	RUS	0874
Colombian rebels laid down their arms.	COLREB	0873
Italian prosecutors investigated the minister for corruption.	ITAJUD	091
Pakistan demanded the release of its fishermen.	PAK	1053
The Thai opposition demanded the resignation of the prime minister.	THAOPP	1041
China accused Japan of espionage.	CHN	1125
Iran rejected the peace plan.	IRN	127
Russia vetoed the resolution.	RUS	129
Turkey threatened Sweden with sanctions.	TUR	1312
French workers went on strike in Paris.	FRA	143
Chilean protesters blocked the main highway.	CHL	144
North Korea test-fired a ballistic missile.	PRK	150
China mobilized troops along the border.	CHN	154
Russia expelled two British diplomats.	RUS	161
The United States cut military aid to Egypt.	USA	1622
The European Union imposed sanctions on Belarus.	IGOEUREEC	163
Russian hackers attacked the ministry's computer network.	RUS	176
Nigerian gunmen kidnapped three aid workers.	NGA	181
A Taliban suicide bomber blew himself up in Kabul.	-	1831
Russia shelled Kharkiv overnight.	RUS	194
Syria used chemical weapons against civilians.	SYR	2041
Azerbaijan violated the ceasefire.	AZE	196
India called on Pakistan to release the pilot.	IND	0253
The United Nations called for a ceasefire in Yemen.	IGOUNO	0256
Ukraine appealed for military aid.	UKR	0232
Iran offered to mediate between Saudi Arabia and Yemen.	IRN	039
Egypt pledged humanitarian aid to Sudan.	EGY	0333
Kenya agreed to a ceasefire with the rebels.	KEN	0871
The Philippines lodged a formal protest with China.	PHL	114
Brazil declared a state of emergency.	BRA	1724
The Sudanese army imposed a curfew on the capital.	SDN	1723
The Chilean government criticized Peru.	CHLGOV	111
Belarus arrested two opposition leaders.	BLR	173
Israel launched airstrikes on Gaza.	ISR	195
Russian forces shelled the city of Kharkiv.	RUS	194
Russian troops shelled Kharkiv.	RUS	194
Iran said it would not release the detained sailors.	IRN	1243
The Kremlin declined to comment.	RUS	011
Spain expressed concern to Venezuela over the crisis.	ESP	012
Germany expressed condolences to Turkey.	DEU	018
China denied the accusations.	CHN	016
Saudi Arabia hosted talks between Russia and Ukraine.	SAU	043
Egypt held talks with Israel.	EGY	046
Iran threatened to close the Strait of Hormuz.	IRN	1381
Ukraine rejected the Russian ultimatum.	UKR	124
Poland recalled its ambassador from Israel.	POL	161
Mali expelled French peacekeepers.	MLI	1661
Sri Lanka sentenced the opposition leader to prison.	LKA	173
Kenya sued Uganda at the international court.	KEN	115
Turkey summoned the Swedish ambassador.	TUR	114
Chinese hackers hacked the ministry's email system.	CHN	176
Venezuela seized the American company's oil field.	VEN	1711
Iran executed two dissidents.	IRN	180
Somali militants beheaded a soldier.	SOM	180
Israel assassinated a Hamas commander.	ISR	186
Russia annexed Crimea.	RUS	192
Nigerian troops killed twenty militants.	NGA	190
The United States will not lift the sanctions on Iran.	USA	1244
Israel did not attack Syria.	ISR	!190
Iran agreed to resume talks with the United Kingdom.	IRN	036
Venezuela refused to meet the American envoy.	VEN	125
Kenya promised to send police officers to Haiti.	KEN	0334
Ghana urged Togo to release the detained journalists.	GHA	0253
Russia threatened to impose sanctions on Moldova.	RUS	1312
The Philippines accused China of aggression.	PHL	1123
India refused to extradite the businessman.	IND	1213
Jordan called on Israel to allow an international investigation.	JOR	020
Egypt demanded an apology from Turkey.	EGY	100
Iran offered mediation between Armenia and Azerbaijan.	IRN	039
Cuba denied the allegations.	CUB	016
Belgium expressed optimism about the talks with Russia.	BEL	013
Japan and Australia held talks on maritime security.	JPN	046
Serbian forces expelled the population from the valley.	SRB	201
Egypt eased trade restrictions on Turkey.	EGY	085
Hungary refused to ease trade restrictions on Serbia.	HUN	1244
Russia stopped arms sales to Iran.	RUS	1622
Greece reinforced police along the border with Albania.	GRC	153
Belarusian police used live fire against protesters.	BLR	175
Syrian jets dropped chlorine bombs on the town.	SYR	2041
The Kenyan army raised its alert level.	KENMIL	152
Brazil called on Peru and Chile to settle their border dispute.	BRA	027
The Mexican president ordered troops to the border.	MEXGOV	154
Tunisian unions staged a general strike against the tax reform.	TUN	1432
The Chinese president announced $2 billion in humanitarian aid for Kenya.	CHNGOV	0333
Ghana's opposition demanded the removal of the president.	GHAOPP	1041
Saudi Arabia tightened its blockade of Yemen.	SAU	191
Pakistani militants fired missiles at Indian positions.	PAK	194
The protesters set fire to the Kenyan parliament.	KEN	145
Jewish settlers set fire to a Palestinian mosque.	ISR	1712
A Turkish drone destroyed a Syrian tank.	TUR	1952
Serbia completed its withdrawal from the town.	SRB	0874
The United States speeded up the withdrawal of its forces from Panama.	USA	0874
Thousands of Nigerians were converging for a rally in Lagos.	NGA	141
Turkish police prevented the demonstration.	TURCOP	170
Egypt urged Israel to put an end to the violence.	EGY	0256
Iran appealed to the UN to bring an end to the trade embargo.	IRN	0254
Colombian rebels renounced violence.	COLREB	0873
American soldiers sexually abused Iraqi prisoners.	USA	1821
Peru declared a state of siege in the south.	PER	1724
Israeli warplanes struck targets in Gaza.	ISR	195
French aircraft bombed rebel bases in Mali.	FRA	195
A French minister cancelled a planned visit to Haiti.	FRA	161
Bosnia demanded that Croatia remove its roadblocks.	BIH	1056
China built a joint factory with Pakistan.	CHN	061
The Egyptian government conceded to the demands of the protesters.	EGYGOV	080
The Kenyan president pressed parliament for a new electoral law.	KENGOV	0244
Eritrea agreed to re-open its border to UN peacekeepers.	ERI	0355
Germany is withholding economic aid from Poland.	DEU	1621
Sudan shortened the nightly curfew.	SDN	0813
Turkey denied permits for the new church.	TUR	120
Serb forces killed three villagers in a shootout.	SRB	193
The IAEA dispatched inspectors to Iran.	IGOUNOIAE	0862
Japan reduced food supplies to North Korea.	JPN	1623
Chadian rebels attempted to assassinate the president.	TCDREB	185
Russian hackers defaced government websites.	RUS	176
The United States demanded that China drop barriers to American exports.	USA	1054
Turkey moved tanks to the Syrian border.	TUR	154
Britain provided Poland with air defence systems.	GBR	072
A Kenyan court found the former minister guilty of corruption.	KENJUD	116
French police searched the minister's office for evidence.	FRACOP	091
Japan sent medical supplies to Turkey.	JPN	073
Serbian opposition parties formed an alliance against the president.	SRBOPP	113
Sudan ordered aid workers to leave Darfur.	SDN	1663
Syria demanded that Turkey stop violating its airspace.	SYR	1056
Indian cities were hit by Pakistani missiles.	PAKMIL	194
The convoy was struck by Russian rockets near the border.	RUS	194
The border post was attacked by Turkish drones.	TURMIL	1952
Israel launched a missile strike on Gaza.	ISR	194
Russia fired cruise missiles at the power station.	RUS	194
The United States and Iran held indirect talks in Oman.	USA	046
Norway held indirect talks between Colombia and the rebels.	NOR	045
Canada accused China of violating its airspace.	CAN	1123
Canada accused China of violating the trade agreement.	CAN	112
China said it was ready to work with Kenya on a new railway.	CHN	0311
The new president was sworn in on Monday.	-	!030
A Turkish drone destroyed an Armenian tank.	TURMIL	1952
The ELN rebels agreed to stop kidnappings.	COLINS	0356
The Egyptian president appealed to students for an end to the agitation.	EGYGOV	0252
The Egyptian president demanded an end to the agitation.	EGYGOV	1052
Thousands of Syrians sought refuge in Turkey.	SYR	1033
The dissident asked Britain for asylum.	-	0233
A Chinese court sentenced two Canadians to prison.	CHNJUD	173
A Kenyan court sentenced the former minister to death.	KENJUD	116
A Japanese gunman shot dead the former prime minister.	JPN	186
The Turkish foreign minister landed in Baghdad on Monday.	TURGOV	042
The actress landed a role in a new film.	-	!042
Georgia applied to join the European Union.	GEO	032
Ukraine applied for membership of the European Union.	UKR	032
Armenia said it needed more tanks from Russia.	ARM	0232
Jordan gave asylum to thousands of Syrian refugees.	JOR	075
Egypt allowed aid trucks into Gaza.	EGY	0863
Iran removed the IAEA's monitoring cameras.	IRN	1662
The plane was forced to land in Minsk by the Belarusian authorities.	BLRGOV	181
French workers stopped work on Monday.	FRALAB	143
The French firm stopped work on the new plant.	-	!143
Poland rejected Ukraine's request for more tanks.	POL	1222
Guinea rejected the demand for a quick return to civilian rule.	GIN	1234
Burma rejected Japan's offer of food aid.	MMR	121
China expanded its cyber units.	CHN	155
CASES
python3 - "$TMP/cases.tsv" "$TMP/cases.jsonl" <<'PY'
import json, sys
with open(sys.argv[2], "w", encoding="utf-8") as f:
    for i, line in enumerate(open(sys.argv[1], encoding="utf-8")):
        text = line.rstrip("\n").split("\t")[0]
        f.write(json.dumps({"id": "v%02d" % i, "date": "2021-06-01", "text": text}) + "\n")
PY
"$REDLINE" code --quiet "$TMP/cases.jsonl" >"$TMP/events.jsonl" 2>"$TMP/err"; st=$?
if [ $st -eq 2 ] && grep -q "not built yet\|cannot open\|No such file" "$TMP/err"; then
    skip verbs_events "resources not available yet: $(head -c 200 "$TMP/err")"
    exit 0
fi
python3 - "$TMP/cases.tsv" "$TMP/events.jsonl" <<'PY'
import json, sys
events = {}
for line in open(sys.argv[2], encoding="utf-8"):
    if line.strip():
        e = json.loads(line)
        events.setdefault(e["doc_id"], []).append(e)
for i, line in enumerate(open(sys.argv[1], encoding="utf-8")):
    text, src, code = line.rstrip("\n").split("\t")
    got = events.get("v%02d" % i, [])
    want = code.lstrip("!")
    hit = [e for e in got if e["code"] == want and
           (src == "-" or (e["source"] or "").startswith(src))]
    good = not hit if code.startswith("!") else bool(hit)
    name = "verbs_%s_%02d" % (want, i)
    if good:
        print("ok " + name)
    else:
        print("FAIL %s: %r: got %s" % (name, text, "; ".join(
            "%s %s %s" % (e["source"], e["code"], e["target"]) for e in got) or "nothing"))
PY
