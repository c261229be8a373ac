/* scrutin_plot_compare: the seat distributions of several scenarios, group by group. */
#include <stdlib.h>

#include "plot_files.h"
#include "scrutin/plot.h"

int scrutin_plot_compare(const char *out_dir, const char *name, const char *title, unsigned seats,
                         unsigned majority, size_t n_groups, const char *const *group_labels,
                         size_t n_scenarios, const char *const *scenario_labels,
                         const double *const *probability, scrutin_ctx *ctx)
{
    if (!out_dir || !group_labels || !scenario_labels || !probability)
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "scrutin_plot_compare: an argument is NULL");
    int status = plot_check_name(name, ctx);
    if (status != SCRUTIN_OK)
        return status;
    if (n_groups == 0 || n_scenarios == 0 || seats == 0 || majority > seats)
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "scrutin_plot_compare: %zu groups, %zu scenarios, %u seats and a "
                                 "majority of %u: nothing to draw",
                                 n_groups, n_scenarios, seats, majority);
    for (size_t i = 0; i < n_groups * n_scenarios; i++)
        if (!probability[i])
            return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                     "scrutin_plot_compare: distribution %zu is NULL", i);
    for (size_t i = 0; i < n_groups; i++)
        if (!group_labels[i])
            return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                     "scrutin_plot_compare: group label %zu is NULL", i);
    for (size_t i = 0; i < n_scenarios; i++)
        if (!scenario_labels[i])
            return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                     "scrutin_plot_compare: scenario label %zu is NULL", i);
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
