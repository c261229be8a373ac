/*
 * Fuzz target: what-if merging (docs/whatifs.md). The input is up to three parts separated by
 * NUL bytes:
 *
 *     whatif.yaml \0 base.yaml \0 setting
 *
 * whatif.yaml is written after a line "base: base.yaml" (so that every input is a what-if);
 * base.yaml left out is the small teaching scenario; its tables are always the small one's. The
 * third part, if any, is one setting "PATH=VALUE", as scrutin sweep applies (the merge's
 * ydoc_set_path). The what-if is loaded through the merge, its number checks and the event
 * pre-pass (aliases, depth, documents, keys twice), compiled, replayed and simulated a few times.
 * Whatever the input, nothing may crash, leak, hang or trip a sanitizer.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz_files.h"
#include "scrutin.h"

static const char small_yaml[] =
    "format: 1\nname: small\nseats: 6\n"
    "coalitions:\n  - {id: LEFT}\n  - {id: RIGHT}\n  - {id: IND}\n"
    "parties:\n  - {id: A, coalition: LEFT}\n  - {id: B, coalition: LEFT}\n"
    "  - {id: C, coalition: RIGHT}\n  - {id: IND, coalition: IND, independent: true}\n"
    "regions:\n  - {id: North}\n  - {id: South}\n"
    "districts: districts.csv\nlists: lists.csv\n"
    "rules: {system: two-round-list, round1_majority: 0.5, round2_lists: 2}\n";

static const char small_districts[] =
    "district,name,region,seats,registered,voters,invalid,voters_r2,invalid_r2,source,note\n"
    "D1,District one,North,3,10000,5000,100,,,test,\n"
    "D2,District two,North,2,8000,4000,0,3000,0,test,\n"
    "D3,District three,South,1,6000,3000,0,2000,0,test,\n";

static const char small_lists[] =
    "district,list,name,kind,candidates,votes_r1,votes_r2,source,note\n"
    "D1,A-B,\"Joint list, A and B\",joint,A;A;B,2600,,test,\n"
    "D1,C,Party C,party,C;C;C,2300,,test,\n"
    "D2,A,Party A,party,A;A,1800,1600,test,\n"
    "D2,C,Party C,party,C;C,1500,1400,test,\n"
    "D2,ind,Independents,independent,IND;IND,700,,test,\n"
    "D3,B,Party B,party,B,1400,900,test,\n"
    "D3,C,Party C,party,C,1200,1100,test,\n"
    "D3,ind,Independents,independent,IND,400,,test,\n";

static void exercise(const scrutin_model *model, scrutin_ctx *ctx)
{
    scrutin_replay *replay = NULL;
    if (scrutin_replay_run(&replay, model, 1, ctx) == SCRUTIN_OK)
        scrutin_replay_free(replay);
    scrutin_tally *tally = NULL;
    if (scrutin_tally_new(&tally, model) != SCRUTIN_OK)
        return;
    scrutin_sim_options opt = SCRUTIN_SIM_OPTIONS_INIT;
    opt.count = 4;
    opt.threads = 1;
    if (scrutin_sim_run(tally, model, &opt, ctx) == SCRUTIN_OK) {
        scrutin_summary *summary = NULL;
        if (scrutin_summary_compute(&summary, model, tally, ctx) == SCRUTIN_OK)
            scrutin_summary_free(summary);
    }
    scrutin_tally_free(tally);
}

/* The next part of the input (up to a NUL byte or the end); NULL once the input is used up. */
static const uint8_t *next_part(const uint8_t **at, const uint8_t *end, size_t *len)
{
    const uint8_t *part = *at;
    if (!part)
        return NULL;
    const uint8_t *nul = memchr(part, 0, (size_t)(end - part));
    *len = (size_t)((nul ? nul : end) - part);
    *at = nul ? nul + 1 : NULL;
    return part;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char whatif[512], base[512], districts[512], lists[512];
    if (!fuzz_path("whatif.yaml", whatif, sizeof whatif) ||
        !fuzz_path("base.yaml", base, sizeof base) ||
        !fuzz_path("districts.csv", districts, sizeof districts) ||
        !fuzz_path("lists.csv", lists, sizeof lists))
        return 0;
    const uint8_t *at = data, *end = data + size;
    size_t len = 0;
    const uint8_t *own = next_part(&at, end, &len);
    static const char prefix[] = "base: base.yaml\n";
    char *text = malloc(sizeof prefix + len);
    if (!text)
        return 0;
    memcpy(text, prefix, sizeof prefix - 1);
    if (own && len)
        memcpy(text + sizeof prefix - 1, own, len);
    int ok = fuzz_write(whatif, text, sizeof prefix - 1 + (own ? len : 0));
    free(text);
    const uint8_t *b = next_part(&at, end, &len);
    ok |= b ? fuzz_write(base, b, len) : fuzz_write(base, small_yaml, strlen(small_yaml));
    ok |= fuzz_write(districts, small_districts, strlen(small_districts));
    ok |= fuzz_write(lists, small_lists, strlen(small_lists));
    if (ok != 0)
        return 0;
    const uint8_t *setting = next_part(&at, end, &len);
    char *set_text = setting ? strndup((const char *)setting, len) : NULL;
    scrutin_scenario_setting one = {NULL, NULL};
    if (set_text) {
        char *eq = strchr(set_text, '=');
        if (eq) {
            *eq = '\0';
            one = (scrutin_scenario_setting){set_text, eq + 1};
        }
    }
    scrutin_ctx *ctx = NULL;
    if (scrutin_ctx_new(&ctx) != SCRUTIN_OK) {
        free(set_text);
        return 0;
    }
    scrutin_scenario *scenario = NULL;
    int status = scrutin_scenario_load_with(&scenario, whatif, &one, one.path ? 1 : 0, ctx);
    if (scenario) {
        scrutin_model *model = NULL;
        int compiled = scrutin_model_compile(&model, scenario, ctx);
        if (status == SCRUTIN_OK && compiled == SCRUTIN_OK)
            exercise(model, ctx);
        scrutin_model_free(model);
    }
    char buf[2048];
    for (size_t i = 0; i < scrutin_ctx_count(ctx); i++)
        scrutin_ctx_format(ctx, i, buf, sizeof buf);
    scrutin_scenario_free(scenario);
    scrutin_ctx_free(ctx);
    free(set_text);
    return 0;
}
