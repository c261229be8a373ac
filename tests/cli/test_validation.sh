#!/usr/bin/env bash
# Bad input, one case per class (issue #8, docs/cli.md "Bad input and exit statuses"): both
# `scrutin validate` and `scrutin run --out DIR` refuse it with exit status 2, a message that
# names the file, the line and the field (file:LINE: field: what is wrong, what was expected),
# and `run` writes nothing: DIR is not even created.
#
# Each case edits a fresh copy of tests/data/small; its scenario.yaml reads, by line:
#   5 seats  6-9 coalitions LEFT RIGHT IND  10-14 parties A B C IND  15-17 regions North South
#   18 districts  19 lists  20-23 rules  24-28 court (26 a rejected list, 28 an annulment)
# and sections appended to it start on line 29.
set -u
scrutin=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0; passed=0; known=0
known_problem="" # set by `known`: the next failure is a known problem, reported but not counted

fail() {
    if [ -n "$known_problem" ]; then echo "KNOWN ($known_problem) $*"; known=$((known + 1))
    else echo "FAIL $*"; failures=$((failures + 1)); fi
}
# known WHY -- bad ...: a case that fails until WHY is fixed; it passes by itself once it is.
known() { known_problem=$1; shift 2; "$@"; known_problem=""; }

variant() { # NAME: a fresh copy of the small scenario in $work/NAME
    rm -rf "${work:?}/$1"; mkdir -p "$work/$1"
    cp "$src"/tests/data/small/{scenario.yaml,districts.csv,lists.csv} "$work/$1/"
}

edit() { # NAME FILE SED-EXPRESSION: the edit must change the file, or the case tests nothing
    cp "$work/$1/$2" "$work/before"
    sed -i "$3" "$work/$1/$2"
    cmp -s "$work/before" "$work/$1/$2" && fail "$1: the edit '$3' of $2 changed nothing"
}

append() { # NAME TEXT: lines added at the end of scenario.yaml (from line 29)
    printf '%b\n' "$2" >>"$work/$1/scenario.yaml"
}

ere() { printf '%s' "$1" | sed 's/[][\.*^$+?(){}|/]/\\&/g'; }

# bad NAME LOCATION MESSAGE: validate and run refuse $work/NAME with exit status 2 and a line
# "NAME/LOCATION: ...MESSAGE" on standard error (LOCATION is FILE:LINE or FILE:LINE: FIELD;
# MESSAGE an extended regular expression); run creates no output folder.
# With file=F, the scenario is $work/NAME/F rather than $work/NAME/scenario.yaml.
bad() {
    local name=$1 loc=$2 msg=$3 dir=$work/$1 cmd got problems
    local pattern yaml=$work/$1/${file:-scenario.yaml}
    pattern="$(ere "$name/$loc"): .*$msg"
    for cmd in ${commands:-validate run}; do
        problems=""
        if [ "$cmd" = run ]; then
            "$scrutin" run "$yaml" -n 20 -q --no-progress --out "$dir/out" \
                >"$work/out" 2>"$work/err"
        else
            "$scrutin" validate "$yaml" >"$work/out" 2>"$work/err"
        fi
        got=$?
        [ "$got" -eq 2 ] || problems="$problems exit $got (wanted 2);"
        grep -Eq -- "$pattern" "$work/err" || problems="$problems no line matches /$pattern/;"
        if [ "$cmd" = run ] && [ -e "$dir/out" ]; then problems="$problems $dir/out was written;"; fi
        if [ -n "$problems" ]; then
            fail "$name ($cmd):$problems stderr:"; sed 's/^/    /' "$work/err"
        else
            passed=$((passed + 1))
        fi
    done
}

# said NAME COUNT ERE: after `bad NAME ...`, COUNT lines of the last command's standard error
# match ERE (0: no follow-on message; 1: one message, not two).
said() {
    local got
    got=$(grep -Ec -- "$3" "$work/err")
    if [ "$got" -ne "$2" ]; then
        fail "$1: $got lines match /$3/, wanted $2; stderr:"; sed 's/^/    /' "$work/err"
    else
        passed=$((passed + 1))
    fi
}

# --- YAML syntax: libyaml's line, where it found the problem --------------------------------
variant syntax-flow;   edit syntax-flow scenario.yaml 's/^seats: 6/seats: [6/'
bad syntax-flow 'scenario.yaml:6' "YAML syntax error: did not find expected ',' or ']'"
variant syntax-tab;    edit syntax-tab scenario.yaml 's/^  - {id: North}/\t- {id: North}/'
bad syntax-tab 'scenario.yaml:16' 'YAML syntax error: found character that cannot start any token'
variant syntax-quote;  edit syntax-quote scenario.yaml 's/^name: small/name: "small/'
bad syntax-quote 'scenario.yaml:3: name' 'YAML syntax error: the quoted value that opens on this line is never closed'
variant syntax-empty;  : >"$work/syntax-empty/scenario.yaml"
bad syntax-empty 'scenario.yaml:1' 'the scenario file is empty'

# --- Unknown keys (strict schema) and CSV columns -------------------------------------------
variant unknown-key;   edit unknown-key scenario.yaml 's/^seats: 6/seats: 6\ncolour: red/'
bad unknown-key 'scenario.yaml:6' 'unknown key "colour" \(docs/scenario-format\.md lists the keys\)'
variant unknown-nested; edit unknown-nested scenario.yaml 's/^  round2_lists: 2/  round2_lists: 2\n  runoff: yes/'
bad unknown-nested 'scenario.yaml:24' 'unknown key "runoff"'
variant unknown-column; edit unknown-column districts.csv '1s/^district,name,/district,nom,/'
bad unknown-column 'districts.csv:1: nom' 'unknown column "nom"'
variant near-column;   edit near-column districts.csv '1s/,registered,/,registred,/'
bad near-column 'districts.csv:1: registred' 'unknown column "registred": did you mean "registered"\?'
# A table saved with ';' between cells: one message that says so, not one per column.
variant semicolons;    edit semicolons districts.csv 's/,/;/g'
bad semicolons 'districts.csv:1' "the cells are separated by ';' .*scrutin import"
if [ "$("$scrutin" validate "$work/semicolons/scenario.yaml" 2>&1 | grep -c 'districts.csv')" -eq 1 ]
then passed=$((passed + 1)); else fail "semicolons: more than one message about districts.csv"; fi
variant missing-column; edit missing-column lists.csv '1s/,kind,/,genre,/'
bad missing-column 'lists.csv:1: kind' 'required column "kind" is missing'

# --- Wrong types -----------------------------------------------------------------------------
variant type-uint;     edit type-uint scenario.yaml 's/^seats: 6/seats: six/'
bad type-uint 'scenario.yaml:5' "'six' is not a whole number >= 0"
variant type-float;    edit type-float scenario.yaml 's/round1_majority: 0.5/round1_majority: half/'
bad type-float 'scenario.yaml:22' '"half" is not a number'
variant type-sequence; edit type-sequence scenario.yaml 's/^regions:/regions: North\nxregions:/'
bad type-sequence 'scenario.yaml:15: regions' 'expected a list \(lines starting with .- ., or \[a, b\]\) here, but found a single value'
variant type-bool;     edit type-bool scenario.yaml 's/independent: true/independent: maybe/'
bad type-bool 'scenario.yaml:14: independent' '"maybe" is not allowed here: expected true, false, yes, no'
variant type-enum;     edit type-enum scenario.yaml 's/action: strike/action: 1/'
bad type-enum 'scenario.yaml:28' 'action'
# Numbers as written: libcyaml alone reads "6abc", "6.9", "0x6" as 6 and "010" as 8 (octal).
variant num-suffix;    edit num-suffix scenario.yaml 's/^seats: 6/seats: 6abc/'
bad num-suffix 'scenario.yaml:5: seats' '"6abc" is not a whole number: expected base-10 digits only'
variant num-hex;       edit num-hex scenario.yaml 's/^seats: 6/seats: 0x6/'
bad num-hex 'scenario.yaml:5: seats' '"0x6" is not a whole number'
variant num-octal;     edit num-octal scenario.yaml 's/^seats: 6/seats: 6\nmajority: 010/'
bad num-octal 'scenario.yaml:6: majority' '"010" is not a whole number: expected base-10 digits without a leading zero: write 10'
variant num-fraction;  edit num-fraction scenario.yaml 's/round2_lists: 2/round2_lists: 2.5/'
bad num-fraction 'scenario.yaml:23: rules.round2_lists' '"2.5" is not a whole number'
variant num-real;      append num-real 'model:\n  sd_list: 0.3abc'
bad num-real 'scenario.yaml:30: model.sd_list' '"0.3abc" is not a number: expected a decimal number'
variant num-two-points; edit num-two-points scenario.yaml 's/struck_votes: 300/struck_votes: 3.0.0/'
bad num-two-points 'scenario.yaml:28: court.annulments[0].struck_votes' '"3.0.0" is not a number'
variant type-csv-seats; edit type-csv-seats districts.csv 's/^D3,District three,South,1,/D3,District three,South,one,/'
bad type-csv-seats 'districts.csv:4: seats' '"one" is not a number: expected a whole number >= 0'
variant type-csv-fraction; edit type-csv-fraction lists.csv 's/^D2,A,Party A,party,A;A,1800,/D2,A,Party A,party,A;A,1800.5,/'
bad type-csv-fraction 'lists.csv:4: votes_r1' '"1800.5" is not a whole number'
variant type-kind;     edit type-kind lists.csv 's/^D1,C,Party C,party,/D1,C,Party C,partisan,/'
bad type-kind 'lists.csv:3: kind' '"partisan" is not a list kind: expected party, joint or independent'
variant type-fields;   edit type-fields lists.csv 's/^D3,B,Party B,party,B,1400,900,test,$/D3,B,Party B,party,B,1400,900,test/'
bad type-fields 'lists.csv:7' 'row has 8 fields, the header has 9'
variant type-quote;    edit type-quote lists.csv 's/^D2,C,Party C,/D2,C,"Party C,/'
bad type-quote 'lists.csv:5' 'malformed CSV'
variant bad-id;        edit bad-id scenario.yaml 's/{id: South}/{id: "South region"}/'
bad bad-id 'scenario.yaml:17: regions[1].id' '"South region" is not a valid id'
variant bad-id-accent;  edit bad-id-accent scenario.yaml 's/{id: South}/{id: Ségou}/'
bad bad-id-accent 'scenario.yaml:17: regions[1].id' '"Ségou" is not a valid id \(an id is ASCII: a letter, then letters, digits, .-., ._. or .\..; try "Segou", and keep "Ségou" as its name\)'
variant bad-id-name;   edit bad-id-name scenario.yaml 's/{id: South}/{id: "Œuvre d'"'"'art", name: Oeuvre}/'
bad bad-id-name 'scenario.yaml:17: regions[1].id' '"Œuvre d.art" is not a valid id \(.*; try "OEuvre-d-art", and keep "Œuvre d.art" as its name\)'
variant bad-id-sign;   edit bad-id-sign scenario.yaml 's/{id: South}/{id: "§", name: "Région Sud"}/'
bad bad-id-sign 'scenario.yaml:17: regions[1].id' '"§" is not a valid id \(.*; try "Region-Sud", made from its name\)'
variant bad-list-id;   edit bad-list-id lists.csv 's/^D2,C,Party C,/D2,Côté C,Party C,/'
bad bad-list-id 'lists.csv:5: list' '"Côté C" is not a valid list id \(.*; try "Cote-C", and keep'

# --- A party's list names its party once, and '+' separates like ';' ----------------------
# The same replay as the original: `C` stands for C;C;C in a 3-seat district, A+A+B for A;A;B.
variant once-base
variant once-party;    edit once-party lists.csv 's/^D1,C,Party C,party,C;C;C,/D1,C,Party C,party,C,/; s/,joint,A;A;B,/,joint,A+A+B,/'
if "$scrutin" validate "$work/once-party/scenario.yaml" >/dev/null &&
    "$scrutin" replay "$work/once-base/scenario.yaml" --format csv >"$work/once-base.out" &&
    "$scrutin" replay "$work/once-party/scenario.yaml" --format csv >"$work/once-party.out" &&
    cmp -s "$work/once-base.out" "$work/once-party.out"; then passed=$((passed + 1))
else fail "once-party: a list naming its party once, or '+' separators, changed the replay"; fi

# --- Near misses: "did you mean ..." ------------------------------------------------------
variant near-region;   edit near-region districts.csv 's/^D3,District three,South,/D3,District three,south,/'
bad near-region 'districts.csv:4: region' 'names region "south", which is not declared in .*: did you mean "South"\?'
variant near-coalition; edit near-coalition scenario.yaml 's/coalition: RIGHT}/coalition: RIGTH}/'
bad near-coalition 'scenario.yaml:13: parties[2].coalition' 'names coalition "RIGTH", which is not declared: did you mean "RIGHT"\?'
variant near-party;    edit near-party lists.csv 's/^D2,C,Party C,party,C;C,/D2,C,Party C,party,C;CC,/'
bad near-party 'lists.csv:5: candidates' 'names party "CC", which is not declared in .*: did you mean "C"\?'
variant near-district; edit near-district scenario.yaml 's/{district: D3, list: ind-d3/{district: d3, list: ind-d3/'
bad near-district 'scenario.yaml:26: court.rejected_lists[0].district' 'district "d3" is not in .*: did you mean "D3"\?'
variant near-list;     edit near-list scenario.yaml 's/list: ind-d3,/list: ind-3,/'
bad near-list 'scenario.yaml:26: court.rejected_lists[0].list' 'district "D3" has no list "ind-3" in .*: did you mean "ind-d3"\?'
variant near-key;      edit near-key scenario.yaml 's/^  round2_lists: 2/  round2_list: 2/'
bad near-key 'scenario.yaml:23' 'unknown key "round2_list": did you mean "round2_lists"\?'
variant far-region;    edit far-region districts.csv 's/^D3,District three,South,/D3,District three,North-east,/'
bad far-region 'districts.csv:4: region' 'names region "North-east", which is not declared in [^:]*$'

# The name is an id: it names the default output folder results/NAME, which must stay there.
variant bad-name;      edit bad-name scenario.yaml 's#^name: small#name: "../escaped dir"#'
bad bad-name 'scenario.yaml:3: name' '"\.\./escaped dir" is not a valid id'
bin="$(cd "$(dirname "$scrutin")" && pwd)/$(basename "$scrutin")" # run from $work, without --out
(cd "$work" && "$bin" run bad-name/scenario.yaml -n 20 -q --no-progress 2>/dev/null)
if [ $? -ne 2 ] || [ -e "$work/escaped dir" ] || [ -e "$work/results" ]; then
    fail "bad-name: run without --out was not refused, or wrote an output folder"
else passed=$((passed + 1)); fi

# --- Duplicate ids ---------------------------------------------------------------------------
variant dup-key;       edit dup-key scenario.yaml 's/^seats: 6/seats: 6\nseats: 7/'
bad dup-key 'scenario.yaml:6' 'the key "seats" is given twice: keep one'
variant dup-coalition; edit dup-coalition scenario.yaml 's/{id: IND, name: Independents}/{id: LEFT, name: Independents}/'
bad dup-coalition 'scenario.yaml:9: coalitions[2].id' 'id "LEFT" is declared twice'
variant dup-party;     edit dup-party scenario.yaml 's/{id: B, name: Party B/{id: A, name: Party B/'
bad dup-party 'scenario.yaml:12: parties[1].id' 'id "A" is declared twice'
variant dup-region;    edit dup-region scenario.yaml 's/{id: South}/{id: North}/'
bad dup-region 'scenario.yaml:17: regions[1].id' 'id "North" is declared twice'
variant dup-district;  edit dup-district districts.csv 's/^D3,District three,/D2,District three,/'
bad dup-district 'districts.csv:4: district' 'district "D2" appears twice'
variant dup-list;      edit dup-list lists.csv 's/^D3,ind,Independents,/D3,B,Independents,/'
bad dup-list 'lists.csv:9: list' 'list "B" appears twice in district "D3"'

# --- References to what is not declared ------------------------------------------------------
variant ref-party;     edit ref-party lists.csv 's/A;A;B/A;MRP;B/'
bad ref-party 'lists.csv:2: candidates' 'names party "MRP", which is not declared'
variant ref-coalition; edit ref-coalition scenario.yaml 's/coalition: RIGHT}/coalition: RGHT}/'
bad ref-coalition 'scenario.yaml:13: parties[2].coalition' 'coalition "RGHT", which is not declared'
variant ref-region;    edit ref-region districts.csv 's/^D3,District three,South,/D3,District three,East,/'
bad ref-region 'districts.csv:4: region' 'region "East", which is not declared'
variant ref-district;  edit ref-district lists.csv 's/^D1,C,Party C,/D9,C,Party C,/'
bad ref-district 'lists.csv:3: district' 'district "D9", which is not in'
variant ref-court-district; edit ref-court-district scenario.yaml 's/{district: D2, round: 2/{district: D7, round: 2/'
bad ref-court-district 'scenario.yaml:28: court.annulments[0].district' 'district "D7" is not in'
variant ref-court-list; edit ref-court-list scenario.yaml 's/list: ind-d3,/list: nope,/'
bad ref-court-list 'scenario.yaml:26: court.rejected_lists[0].list' 'district "D3" has no list "nope"'
variant ref-affinity;  append ref-affinity 'model:\n  runoff:\n    affinity:\n      - {from: LEFT, to: MIDDLE, weight: 1}'
bad ref-affinity 'scenario.yaml:32: model.runoff.affinity[0].to' 'coalition "MIDDLE" is not declared'
variant ref-retention; append ref-retention 'model:\n  runoff:\n    retention_by_region:\n      - {region: East, value: 0.5}'
bad ref-retention 'scenario.yaml:32: model.runoff.retention_by_region[0].region' 'region "East" is not declared'

# --- Counts that do not add up ---------------------------------------------------------------
variant seats-total;   edit seats-total districts.csv 's/^D3,District three,South,1,/D3,District three,South,2,/'
bad seats-total 'scenario.yaml:5: seats' 'the assembly has 6 seats, but the districts of .* add up to 7'
variant majority-range; edit majority-range scenario.yaml 's/^seats: 6/seats: 6\nmajority: 7/'
bad majority-range 'scenario.yaml:6: majority' 'majority 7 is not between 1 and the 6 seats'
# Bad seats: the majorities, which are not in the file, are not reported too.
variant seats-zero;    edit seats-zero scenario.yaml 's/^seats: 6/seats: 0/'
bad seats-zero 'scenario.yaml:5: seats' 'the assembly needs at least one seat'
said seats-zero 0 'majority'
variant seats-huge;    edit seats-huge districts.csv 's/^D3,District three,South,1,/D3,District three,South,4000000000,/'
bad seats-huge 'districts.csv:4: seats' 'expected at most 10000'
variant votes-total;   edit votes-total lists.csv 's/^D1,C,Party C,party,C;C;C,2300,/D1,C,Party C,party,C;C;C,2200,/'
bad votes-total 'districts.csv:2: voters' 'voters - invalid = 4900 valid votes, but its lists.* add up to 4800'
variant ballots;       edit ballots districts.csv 's/^D1,District one,North,3,10000,5000,/D1,District one,North,3,4000,5000,/'
bad ballots 'districts.csv:2: voters' 'more ballots cast than registered voters'

# What only the simulation needs (replay does without): refused by run alone, before it starts.
variant no-registered; edit no-registered districts.csv 's/^D2,District two,North,2,8000,/D2,District two,North,2,,/'
commands=run bad no-registered 'districts.csv:3: registered' 'district "D2" has no registered voters'
variant zero-ballots;  edit zero-ballots districts.csv 's/^D3,District three,South,1,6000,3000,0,2000,0,/D3,District three,South,1,6000,0,0,,,/'
edit zero-ballots lists.csv 's/^D3,B,Party B,party,B,1400,900,/D3,B,Party B,party,B,0,,/; s/^D3,C,Party C,party,C,1200,1100,/D3,C,Party C,party,C,0,,/; s/^D3,ind,Independents,independent,IND,400,/D3,ind,Independents,independent,IND,0,/'
commands=run bad zero-ballots 'districts.csv:4: voters' 'district "D3" has 0 ballots cast'

# --- A district without lists; a list with fewer candidates than seats ----------------------
variant no-lists;      edit no-lists lists.csv '/^D1,/d'
bad no-lists 'districts.csv:2: district' 'district "D1" has no list in .*: expected at least one'
variant few-candidates; edit few-candidates lists.csv 's/A;A;B,2600/A;B,2600/'
bad few-candidates 'lists.csv:2: candidates' 'list "A-B" has 2 candidates for the 3 seats'
variant kind-mismatch; edit kind-mismatch lists.csv 's/^D1,C,Party C,party,C;C;C,/D1,C,Party C,party,C;C;A,/'
bad kind-mismatch 'lists.csv:3: kind' 'of kind party but its candidates come from 2 parties'

# --- Negative, NaN and infinite numbers ------------------------------------------------------
variant neg-votes;     edit neg-votes lists.csv 's/1500,1400/-1500,1400/'
bad neg-votes 'lists.csv:5: votes_r1' '"-1500" is negative'
variant nan-votes;     edit nan-votes lists.csv 's/1500,1400/nan,1400/'
bad nan-votes 'lists.csv:5: votes_r1' '"nan" is not a finite number'
variant inf-registered; edit inf-registered districts.csv 's/^D2,District two,North,2,8000,/D2,District two,North,2,inf,/'
bad inf-registered 'districts.csv:3: registered' '"inf" is not a finite number'
variant nan-yaml;      append nan-yaml 'model:\n  sd_party: nan'
bad nan-yaml 'scenario.yaml:30: model.sd_party' 'nan is not a finite number >= 0'
variant inf-yaml;      append inf-yaml 'model:\n  runoff:\n    affinity_same: inf'
bad inf-yaml 'scenario.yaml:31: model.runoff.affinity_same' 'inf is not a finite number >= 0'
variant neg-struck;    edit neg-struck scenario.yaml 's/struck_votes: 300/struck_votes: -300/'
bad neg-struck 'scenario.yaml:28: court.annulments[0].struck_votes' 'expected a count of 0 or more'
variant neg-seats;     edit neg-seats scenario.yaml 's/^seats: 6/seats: -6/'
bad neg-seats 'scenario.yaml:5' "'-6' is not a whole number >= 0"

# --- Rates and probabilities outside [0, 1] --------------------------------------------------
variant p-retention;   append p-retention 'model:\n  runoff:\n    retention: 1.5'
bad p-retention 'scenario.yaml:31: model.runoff.retention' '1.5 is not a probability between 0 and 1'
variant p-abstention;  append p-abstention 'model:\n  runoff:\n    abstention_by_coalition:\n      - {coalition: LEFT, value: 1}'
bad p-abstention 'scenario.yaml:32: model.runoff.abstention_by_coalition[0].value' 'is not a share from 0 to less than 1'
variant p-affinity;    append p-affinity 'model:\n  runoff:\n    affinity:\n      - {from: LEFT, to: RIGHT, weight: -0.5}'
bad p-affinity 'scenario.yaml:32: model.runoff.affinity[0].weight' '-0.5 is not a finite number >= 0'
variant p-reject;      append p-reject '  model:\n    reject: {party: 2}'
bad p-reject 'scenario.yaml:30: court.model.reject.party' '2 is not a probability between 0 and 1'
variant p-annul;       append p-annul '  model:\n    round2: {base: -0.1}'
bad p-annul 'scenario.yaml:30: court.model.round2.base' 'is not a probability between 0 and 1'
variant p-rerun;       append p-rerun '  model:\n    rerun: 1.2'
bad p-rerun 'scenario.yaml:30: court.model.rerun' '1.2 is not a probability between 0 and 1'
variant p-threshold;   edit p-threshold scenario.yaml 's/^  round2_lists: 2/  round2_lists: 2\n  threshold: 1.5/'
bad p-threshold 'scenario.yaml:24: rules.threshold' '1.5 is not a share between 0 and 1'
variant p-majority;    edit p-majority scenario.yaml 's/round1_majority: 0.5/round1_majority: 1/'
bad p-majority 'scenario.yaml:22: rules.round1_majority' 'not a share strictly between 0 and 1'

# --- Zero or negative spreads where they are not allowed -------------------------------------
variant s-scale;       append s-scale '  model:\n    round2: {base: 0.3, scale: 0}'
bad s-scale 'scenario.yaml:30: court.model.round2.scale' '0 is not a finite number > 0'
variant s-strike;      append s-strike '  model:\n    strike_a: -1'
bad s-strike 'scenario.yaml:30: court.model.strike_a' '-1 is not a finite number > 0'
variant s-sd;          append s-sd 'model:\n  turnout:\n    sd_district: -0.1'
bad s-sd 'scenario.yaml:31: model.turnout.sd_district' '-0.1 is not a finite number >= 0'
variant s-df;          append s-df 'model:\n  tails_df: 2'
bad s-df 'scenario.yaml:30: model.tails_df' '2 is not 0 \(normal shocks\) or more than 2'

# --- Standard deviations beyond their bounds (docs/design.md, "Bounds of the spreads") --------
variant b-sd;          append b-sd 'model:\n  sd_list: 50'
bad b-sd 'scenario.yaml:30: model.sd_list' 'is not a finite number >= 0 and <= 5'
variant b-mob;         append b-mob 'model:\n  runoff:\n    sd_mobilisation: 3'
bad b-mob 'scenario.yaml:31: model.runoff.sd_mobilisation' 'is not a finite number >= 0 and <= 2'

# --- What-if files: a base that does not exist, a cycle, bad values and references -----------
# A what-if file in $work/NAME/scenario.yaml inherits the small scenario in $work/small-base.
variant small-base
whatif() { # NAME TEXT: $work/NAME/scenario.yaml is TEXT (after a first line naming the base)
    rm -rf "${work:?}/$1"; mkdir -p "$work/$1"
    printf 'base: ../small-base/scenario.yaml\n%b\n' "$2" >"$work/$1/scenario.yaml"
}
whatif ref-base 'name: x'
sed -i 's#^base: .*#base: ../nowhere/scenario.yaml#' "$work/ref-base/scenario.yaml"
bad ref-base 'scenario.yaml:1: base' 'the base scenario "../nowhere/scenario.yaml" cannot be opened'
whatif base-folder 'name: x'
sed -i 's#^base: .*#base: ../small-base#' "$work/base-folder/scenario.yaml"
bad base-folder 'scenario.yaml:1: base' 'the base scenario "\.\./small-base" cannot be opened \(.*\): it is a folder, not a file: write base: \.\./small-base/scenario\.yaml, the scenario file in it'
whatif base-empty-folder 'name: x'
mkdir -p "$work/empty-folder"
sed -i 's#^base: .*#base: ../empty-folder/#' "$work/base-empty-folder/scenario.yaml"
bad base-empty-folder 'scenario.yaml:1: base' 'the base scenario "\.\./empty-folder/" cannot be opened \(.*\): it is a folder, not a file, and it holds no scenario\.yaml: write the path of the base.s YAML file'
whatif base-cycle 'name: x'
sed -i 's#^base: .*#base: scenario.yaml#' "$work/base-cycle/scenario.yaml"
bad base-cycle 'scenario.yaml:1: base' 'the bases form a cycle'
whatif whatif-value 'model:\n  sd_list: -1'
bad whatif-value 'scenario.yaml:3: model.sd_list' '-1 is not a finite number >= 0'
whatif whatif-key 'model:\n  sd_lst: 0.2'
bad whatif-key 'scenario.yaml:3' 'unknown key "sd_lst": did you mean "sd_list"?'
whatif whatif-number 'model:\n  sd_list: 0.3.5'
bad whatif-number 'scenario.yaml:3: model.sd_list' '"0\.3\.5" is not a number'
# A what-if without a name is named after its file, whose name must then be an id.
whatif whatif-stem 'model:\n  sd_list: 0.3'
mv "$work/whatif-stem/scenario.yaml" "$work/whatif-stem/what if.yaml"
file='what if.yaml' bad whatif-stem 'what if.yaml:1: name' 'this what-if has no name, and its file.s name "what if" is not a valid id'
whatif whatif-party 'changes:\n  - shift: {party: MRP, points: -5}'
bad whatif-party 'scenario.yaml:3: changes[0].shift.party' 'party "MRP" is not declared'
whatif whatif-list 'changes:\n  - withdraw_lists: {district: D2, list: nope}'
bad whatif-list 'scenario.yaml:3: changes[0].withdraw_lists' 'has no list "nope"'

# --- Files that cannot be opened: one message, at the key that names the file, with the cause ---
variant open-lists;    rm "$work/open-lists/lists.csv"
bad open-lists 'scenario.yaml:19: lists' 'the lists table "lists.csv" cannot be opened \(.*\): No such file or directory'
said open-lists 1 'cannot'
variant open-districts; edit open-districts scenario.yaml "s#^districts: districts.csv#districts: $work#"
bad open-districts 'scenario.yaml:18: districts' 'the districts table ".*" cannot be opened \(.*\): it is a folder'
said open-districts 1 'cannot'
variant open-scenario; rm "$work/open-scenario/scenario.yaml"; mkdir "$work/open-scenario/scenario.yaml"
bad open-scenario 'scenario.yaml' 'cannot open the scenario file: it is a folder, not a file, and it holds no scenario\.yaml: give the path of the scenario.s YAML file'
# A scenario's folder given for its scenario file, to every command that takes a scenario (a
# what-if of compare too): it is a folder, and its scenario.yaml is the file meant. Exit 2.
small=$src/tests/data/small
folder_given() { # NAME FOLDER -- COMMAND...
    local name=$1 folder=$2
    shift 3
    "$@" >"$work/out" 2>"$work/err"
    local got=$?
    if [ "$got" -eq 2 ] && grep -Eq -- "^scrutin: $(ere "$folder"): cannot open the scenario file: it is a folder, not a file: give the scenario file in it, $(ere "${folder%/}")/scenario\.yaml$" "$work/err"
    then passed=$((passed + 1))
    else fail "$name: exit $got (wanted 2), stderr:"; sed 's/^/    /' "$work/err"; fi
}
for cmd in validate show replay; do
    folder_given "folder-$cmd" "$small" -- "$scrutin" "$cmd" "$small"
done
folder_given folder-run "$small/" -- "$scrutin" run "$small/" -n 10 -q --no-progress --out "$work/folder-out"
folder_given folder-compare-base "$small" -- "$scrutin" compare "$small" "$src/tests/data/whatif/merge.yaml" \
    -n 10 -q --no-progress --out "$work/folder-out"
folder_given folder-compare-whatif "$work/base-folder" -- "$scrutin" compare "$small/scenario.yaml" \
    "$work/base-folder" -n 10 -q --no-progress --out "$work/folder-out"
folder_given folder-sweep "$small" -- "$scrutin" sweep "$small" --set model.sd_list --from 0.1 --to 0.2 \
    --steps 2 -n 10 -q --no-progress --out "$work/folder-out"
[ ! -e "$work/folder-out" ] && passed=$((passed + 1)) || fail "a folder given as the scenario: output written"
variant open-nothing;  rm "$work/open-nothing/scenario.yaml"
bad open-nothing 'scenario.yaml' 'cannot open the scenario file: No such file or directory'

# A table saved with a UTF-8 byte-order mark (a spreadsheet's "CSV UTF-8") is read as without it.
variant bom
for table in districts lists; do
    { printf '\357\273\277'; cat "$src/tests/data/small/$table.csv"; } >"$work/bom/$table.csv"
done
if "$scrutin" validate "$work/bom/scenario.yaml" >"$work/out" 2>"$work/err"; then passed=$((passed + 1))
else fail "bom: a table with a byte-order mark is refused:"; sed 's/^/    /' "$work/err"; fi

# --- Options of scrutin run: refused before anything runs, nothing written ------------------
scenario=$src/tests/data/small/scenario.yaml
option() { # NAME MESSAGE-ERE -- ARGS...: scrutin run ARGS exits 2, says MESSAGE, writes nothing
    local name=$1 msg=$2
    shift 3
    rm -rf "$work/opt-out"
    "$scrutin" run "$scenario" -q --no-progress "$@" >"$work/out" 2>"$work/err"
    local got=$?
    if [ "$got" -eq 2 ] && grep -Eq -- "$msg" "$work/err" && [ ! -e "$work/opt-out" ]; then
        passed=$((passed + 1))
    else
        fail "$name: exit $got (wanted 2), output folder $( [ -e "$work/opt-out" ] && echo written || echo absent), stderr:"
        sed 's/^/    /' "$work/err"
    fi
}
option near-option 'bad option "--fromat": did you mean "--format"\?' -- --fromat csv --out "$work/opt-out"
option far-option 'bad option "--colour"$' -- --colour --out "$work/opt-out"
option n-zero '"0" is not a number of simulations' -- -n 0 --out "$work/opt-out"
option n-negative '"-5" is not a number of simulations' -- -n -5 --out "$work/opt-out"
option n-text '"1e6" is not a number of simulations' -- -n 1e6 --out "$work/opt-out"
option seed-text '"abc" is not a seed' -- --seed abc --out "$work/opt-out"
option seed-fraction '"1.5" is not a seed' -- --seed 1.5 --out "$work/opt-out"
option seed-overflow '"18446744073709551616" is not a seed' -- --seed 18446744073709551616 --out "$work/opt-out"
option threads-many '"100000" is not a number of threads' -- --threads 100000 --out "$work/opt-out"
touch "$work/plain-file"
option out-under-file "$(ere "$work/plain-file/sub"): the output folder cannot be created: Not a directory \($(ere "\"$work/plain-file\"") is a file, not a folder\): give --out a path in a folder" \
    -- -n 10 --out "$work/plain-file/sub"
option out-deep-under-file "$(ere "\"$work/plain-file\"") is a file, not a folder" \
    -- -n 10 --out "$work/plain-file/a/b"
# --draws FILE: its folder is not made (only --out's is), so a missing one is named, with the
# command that makes it; a file in the way, or a folder given as FILE, too. Nothing written.
option draws-no-folder "$(ere "$work/nowhere/x.db"): the folder $(ere "\"$work/nowhere\"") of --draws does not exist: create it first \(mkdir -p $(ere "$work/nowhere")\), or give --draws a path in a folder that exists" \
    -- -n 10 --draws "$work/nowhere/x.db" --out "$work/opt-out"
option draws-no-folders "the folder $(ere "\"$work/nowhere/deeper\"") of --draws does not exist \(from $(ere "\"$work/nowhere\"") on\): create it first \(mkdir -p $(ere "$work/nowhere/deeper")\)" \
    -- -n 10 --draws "$work/nowhere/deeper/x.db" --out "$work/opt-out"
mkdir -p "$work/a folder"
option draws-quoted "\(mkdir -p '$(ere "$work/a folder/new")'\)" \
    -- -n 10 --draws "$work/a folder/new/x.db" --out "$work/opt-out"
option draws-under-file "$(ere "\"$work/plain-file\"") is a file, not a folder, so nothing can be written under it: give --draws a path in a folder" \
    -- -n 10 --draws "$work/plain-file/x.db" --out "$work/opt-out"
option draws-folder "$(ere "$work/a folder"): it is a folder: give --draws the name of a file, such as $(ere "$work/a folder/draws.db")" \
    -- -n 10 --draws "$work/a folder" --out "$work/opt-out"
[ ! -e "$work/nowhere" ] && [ -z "$(ls -A "$work/a folder")" ] && passed=$((passed + 1)) \
    || fail "a refused --draws made a folder or left a file"
option out-is-file "$(ere "$work/plain-file"): the output folder cannot be written: Not a directory" \
    -- -n 10 --out "$work/plain-file"
# /proc/1 is a folder in which nobody, root included, can create a file.
if [ -d /proc/1 ]; then
    option out-unwritable '/proc/1: the output folder cannot be written' -- -n 10 --out /proc/1
fi
# A read-only folder stops everyone but root.
if [ "$(id -u)" -ne 0 ]; then
    mkdir -p "$work/readonly" && chmod 555 "$work/readonly"
    option out-readonly 'the output folder cannot be created: Permission denied' \
        -- -n 10 --out "$work/readonly/run"
fi
# The unwritable folder is refused before the simulations, not after: a run that would take
# minutes is refused at once.
start=$(date +%s%N)
"$scrutin" run "$scenario" -q -n 4000000000 --out "$work/plain-file/sub" 2>/dev/null
got=$?
elapsed_ms=$((($(date +%s%N) - start) / 1000000))
if [ "$got" -eq 2 ] && [ "$elapsed_ms" -lt 5000 ]; then passed=$((passed + 1))
else fail "unwritable output folder: exit $got after ${elapsed_ms} ms (wanted 2, at once)"; fi

echo "$passed passed, $failures failed, $known known problems"
[ "$failures" -eq 0 ]
