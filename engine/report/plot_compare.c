/* scrutin_plot_panels: the seat distributions of several scenarios, group by group. */
#include <stdlib.h>

#include "../common/versioned.h"
#include "plot_files.h"
#include "scrutin/plot.h"

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
    char *dir = NULL;
    status = plot_folder(&dir, out_dir, ctx);
    if (status != SCRUTIN_OK)
        return status;
    seat_panels p = {name, "seat distributions compared, scenario by scenario", title, seats,
                     majority, 0, 1, n_groups, n_scenarios, group_labels, scenario_labels,
                     probability};
    status = plot_seat_panels(dir, &p, ctx);
    free(dir);
    return status;
}
