/* scrutin_plot_panels: the seat distributions of several scenarios, group by group. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "../common/versioned.h"
#include "plot_files.h"
#include "scrutin/plot.h"

/* "SCENARIO[,SIDE][,SYSTEM]" in *out (malloc'd), each cell given or NULL; a label's commas
   become spaces. */
static int key_cells(char **out, const char *scenario, const char *side, const char *system)
{
    const char *cells[] = {scenario, side, system};
    size_t size = 1;
    for (size_t i = 0; i < 3; i++)
        size += cells[i] ? strlen(cells[i]) + 1 : 0;
    char *text = malloc(size), *at = text;
    if (!text)
        return SCRUTIN_ENOMEM;
    for (size_t i = 0; i < 3; i++) {
        if (!cells[i])
            continue;
        if (at > text)
            *at++ = ',';
        for (const char *c = cells[i]; *c; c++)
            *at++ = strchr(",\"\r\n", *c) ? ' ' : *c;
    }
    *at = '\0';
    *out = text;
    return SCRUTIN_OK;
}

int scrutin_plot_panels(const char *out_dir, const scrutin_panels_spec *spec, scrutin_ctx *ctx)
{
    if (!out_dir || !spec)
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "scrutin_plot_panels: an argument is NULL");
    if (VERSIONED_CHECK(spec, "scrutin_plot_panels", scrutin_panels_spec, SCRUTIN_PANELS_SPEC,
                        ctx) != SCRUTIN_OK)
        return SCRUTIN_EINVAL;
    const char *name = spec->name, *title = spec->title;
    unsigned seats = spec->seats, majority = spec->majority;
    size_t n_groups = spec->n_groups, n_scenarios = spec->n_scenarios;
    const char *const *group_labels = spec->group_labels;
    const char *const *scenario_labels = spec->scenario_labels;
    const double *const *probability = spec->probability;
    if (!group_labels || !scenario_labels || !probability)
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "scrutin_plot_panels: a field of the spec is NULL");
    int status = plot_check_name(name, ctx);
    if (status != SCRUTIN_OK)
        return status;
    if (n_groups == 0 || n_scenarios == 0 || seats == 0 || majority > seats)
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "scrutin_plot_panels: %zu groups, %zu scenarios, %u seats and a "
                                 "majority of %u: nothing to draw",
                                 n_groups, n_scenarios, seats, majority);
    for (size_t i = 0; i < n_groups * n_scenarios; i++)
        if (!probability[i])
            return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                     "scrutin_plot_panels: distribution %zu is NULL", i);
    for (size_t i = 0; i < n_groups; i++)
        if (!group_labels[i])
            return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                     "scrutin_plot_panels: group label %zu is NULL", i);
    for (size_t i = 0; i < n_scenarios; i++)
        if (!scenario_labels[i])
            return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                     "scrutin_plot_panels: scenario label %zu is NULL", i);
    /* The CSV's key cells: ids (no comma in them), the labels where none are given. */
    char **groups = calloc(n_groups, sizeof *groups);
    char **curves = calloc(n_scenarios, sizeof *curves);
    status = groups && curves ? SCRUTIN_OK : SCRUTIN_ENOMEM;
    for (size_t i = 0; status == SCRUTIN_OK && i < n_groups; i++)
        status = key_cells(&groups[i], spec->group_ids && spec->group_ids[i] ? spec->group_ids[i]
                                                                            : group_labels[i],
                           NULL, NULL);
    for (size_t i = 0; status == SCRUTIN_OK && i < n_scenarios; i++) {
        const char *scenario = spec->scenario_ids && spec->scenario_ids[i] ? spec->scenario_ids[i]
                                                                          : scenario_labels[i];
        const char *side = spec->scenario_sides ? spec->scenario_sides[i] : NULL;
        const char *system = spec->scenario_systems ? spec->scenario_systems[i] : NULL;
        status = key_cells(&curves[i], scenario, spec->scenario_sides ? (side ? side : "") : NULL,
                           spec->scenario_systems ? (system ? system : "") : NULL);
    }
    const char *columns = spec->scenario_sides
                              ? (spec->scenario_systems ? "scenario,side,system" : "scenario,side")
                              : (spec->scenario_systems ? "scenario,system" : "scenario");
    char *dir = NULL;
    if (status == SCRUTIN_OK)
        status = plot_folder(&dir, out_dir, ctx);
    if (status == SCRUTIN_OK) {
        seat_panels p = {name, "seat distributions compared, scenario by scenario", title, seats,
                         majority, 0, 1, n_groups, n_scenarios, group_labels, scenario_labels,
                         "group", (const char *const *)groups, columns,
                         (const char *const *)curves, probability, NULL, NULL};
        status = plot_seat_panels(dir, &p, ctx);
    }
    free(dir);
    for (size_t i = 0; groups && i < n_groups; i++)
        free(groups[i]);
    free(groups);
    for (size_t i = 0; curves && i < n_scenarios; i++)
        free(curves[i]);
    free(curves);
    return status;
}
