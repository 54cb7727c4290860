namespace Excellence.Web.Domain.Rounds;

/// <summary>
/// The invariants of an evaluation year, checked on the year as it would be saved. Field names are the
/// API's camelCase paths (timeline[1].endsOn), so the pages and the API put each problem in the same place.
/// </summary>
public static class RoundRules
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    public static IReadOnlyList<FieldProblem> Check(Round round)
    {
        var problems = new List<FieldProblem>();
        void Add(string field, string key, params object[] args) => problems.Add(new FieldProblem(field, new Problem(key, args)));

        if (round.Year is < FirstYear or > LastYear) Add("year", "Validation.Range", FirstYear, LastYear);

        for (var i = 0; i < round.Phases.Count; i++)
            if (round.Phases[i].EndsOn < round.Phases[i].StartsOn) Add($"timeline[{i}].endsOn", "Round.PhaseEndsBeforeStart");

        var applicationPhases = round.Phases.Count(p => p.Kind == PhaseKind.Application);
        if (applicationPhases != 1) Add("timeline", "Round.OneApplicationPhase", applicationPhases);
        else if (round.OpensAt is { } opens && round.SubmissionDeadline < opens) Add("submissionDeadline", "Round.DeadlineBeforeApplication");

        for (var i = 0; i < round.Categories.Count; i++)
        {
            var c = round.Categories[i];
            if (c.TitleLimit <= 0) Add($"categories[{i}].titleLimit", "Round.LimitPositive");
            if (c.OverviewLimit <= 0) Add($"categories[{i}].overviewLimit", "Round.LimitPositive");
            if (c.ContentLimit <= 0) Add($"categories[{i}].contentLimit", "Round.LimitPositive");
            if (c.EffectivenessLimit <= 0) Add($"categories[{i}].effectivenessLimit", "Round.LimitPositive");
            if (c.MaxPerOrganization is <= 0) Add($"categories[{i}].maxPerOrganization", "Round.LimitPositive");
        }
        if (!round.Categories.Any(c => c.Enabled)) Add("categories", "Round.NoCategoryEnabled");

        if (round.EvidenceFileLimitBytes <= 0) Add("evidenceLimits.fileMb", "Round.LimitPositive");
        if (round.EvidenceTotalLimitBytes <= 0) Add("evidenceLimits.totalMb", "Round.LimitPositive");
        else if (round.EvidenceFileLimitBytes > round.EvidenceTotalLimitBytes) Add("evidenceLimits.totalMb", "Round.TotalBelowFileLimit");
        return problems;
    }

    /// <summary>Changing a year whose submissions have closed rewrites history that applicants relied on: say why.</summary>
    public static bool NeedsReasonToEdit(Round round, DateTime nowUtc) => nowUtc >= round.SubmissionDeadline;
}
