/*
 * scrutin init: a small commented scenario to edit (docs/user-guide.md, "Your
 * own election"). It validates and runs as it is (tests/cli/test_import.sh).
 */
#include "new_folder.h"
#include "scrutin/import.h"

static const char scenario_yaml[] =
    "# A scenario of scrutin (docs/scenario-format.md): edit it for your election.\n"
    "# Ids (id, and the district and list columns of the tables) are ASCII: a letter, then\n"
    "# letters, digits, '-', '_' or '.'; names are free text (UTF-8).\n"
    "format: 1\n"
    "name: my-election           # names the output folder results/NAME\n"
    "title: My election\n"
    "description: >-\n"
    "  Three districts of an imaginary country. Say here where the figures come from.\n"
    "seats: 6                    # the districts' seats must add up to it\n"
    "# majority: 4               # default: more than half of the seats\n"
    "\n"
    "# Coalitions: what majorities are counted by, and round-2 transfers weighed by.\n"
    "coalitions:\n"
    "  - {id: GOV, name: Governing coalition}\n"
    "  - {id: OPP, name: Opposition}\n"
    "parties:\n"
    "  - {id: PA, name: Parti de l'Avenir, coalition: GOV}\n"
    "  - {id: PB, name: Bloc du Progrès, coalition: GOV}\n"
    "  - {id: PC, name: Convergence citoyenne, coalition: OPP}\n"
    "# Regions share their shocks (docs/model.md).\n"
    "regions:\n"
    "  - {id: North, name: Région du Nord}\n"
    "  - {id: South, name: Région du Sud}\n"
    "districts: districts.csv    # one row per district\n"
    "lists: lists.csv            # one row per list (candidates: party ids, or one party)\n"
    "\n"
    "# The electoral system (docs/rules.md): two-round majority list by default.\n"
    "rules:\n"
    "  system: two-round-list\n"
    "\n"
    "# The uncertainty of `scrutin run` (docs/model.md); every key is optional.\n"
    "model:\n"
    "  sd_list: 0.25\n"
    "  runoff:\n"
    "    abstention: 0.15\n"
    "\n"
    "# A what-if is a file with `base: scenario.yaml`: see whatif-opposition-plus-5.yaml.\n";

static const char districts_csv[] =
    "district,name,region,seats,registered,voters,invalid,voters_r2,invalid_r2,source,note\n"
    "N1,Nord-Est,North,3,30000,15000,300,,,example figures,decided in round 1\n"
    "N2,Nord-Ouest,North,2,20000,9000,200,7000,100,example figures,\n"
    "S1,Sud,South,1,10000,6000,100,5000,50,example figures,\n";

static const char lists_csv[] =
    "district,list,name,kind,candidates,votes_r1,votes_r2,source,note\n"
    "N1,PA-PB,Liste commune PA-PB,joint,PA;PA;PB,8000,,example figures,\n"
    "N1,PC,Convergence,party,PC,6700,,example figures,one party named once: every seat\n"
    "N2,PA,Parti de l'Avenir,party,PA,4000,3600,example figures,\n"
    "N2,PC,Convergence,party,PC,3500,3300,example figures,\n"
    "N2,PB,Bloc du Progrès,party,PB,1300,,example figures,\n"
    "S1,PC,Convergence,party,PC,2800,2500,example figures,\n"
    "S1,PB,Bloc du Progrès,party,PB,2600,2450,example figures,\n"
    "S1,PA,Parti de l'Avenir,party,PA,500,,example figures,eliminated in round 1\n";

static const char whatif_yaml[] =
    "# A what-if: the scenario with the opposition 5 points higher (docs/whatifs.md).\n"
    "# scrutin compare scenario.yaml whatif-opposition-plus-5.yaml\n"
    "base: scenario.yaml\n"
    "changes:\n"
    "  - shift: {coalition: OPP, points: 5}\n";

int scrutin_init_scenario(const char *dir, int force, scrutin_ctx *ctx)
{
    int status = new_folder_prepare(dir, force, ctx);
    if (status == SCRUTIN_OK)
        status = new_folder_write(dir, "districts.csv", districts_csv, ctx);
    if (status == SCRUTIN_OK)
        status = new_folder_write(dir, "lists.csv", lists_csv, ctx);
    if (status == SCRUTIN_OK)
        status = new_folder_write(dir, "scenario.yaml", scenario_yaml, ctx);
    if (status == SCRUTIN_OK)
        status = new_folder_write(dir, "whatif-opposition-plus-5.yaml", whatif_yaml, ctx);
    return status;
}
