using Excellence.Web.Domain.Panels;

namespace Excellence.Web.Domain.SiteVisits;

/// <summary>The outcome of a site visit and the level it proposes.</summary>
public static class SiteVisitRules
{
    /// <summary>
    /// Confirmed keeps the level under verification (the given one, else the level currently proposed);
    /// NotConfirmed proposes none and says why; LevelAdjusted names the new level and says why.
    /// </summary>
    public static (PanelLevel? Level, IReadOnlyList<FieldProblem> Problems) Decide(SiteVisitOutcome? outcome, string? reason, PanelLevel? level,
        Level? currentlyProposed)
    {
        var problems = new List<FieldProblem>();
        if (outcome is null) { problems.Add(new("outcome", new Problem("Validation.Choice"))); return (null, problems); }
        var why = (reason ?? "").Trim();
        if (why.Length > 4000) problems.Add(new("reason", new Problem("Validation.TooLong", 4000)));
        PanelLevel? result = null;
        switch (outcome)
        {
            case SiteVisitOutcome.Confirmed:
                result = level ?? FromLevel(currentlyProposed);
                if (result is null) problems.Add(new("level", new Problem("SiteVisit.LevelRequired")));
                break;
            case SiteVisitOutcome.NotConfirmed:
                if (why.Length == 0) problems.Add(new("reason", new Problem("Validation.Required")));
                result = PanelLevel.NotRecognised;
                break;
            case SiteVisitOutcome.LevelAdjusted:
                if (why.Length == 0) problems.Add(new("reason", new Problem("Validation.Required")));
                if (level is null) problems.Add(new("level", new Problem("SiteVisit.LevelRequired")));
                result = level;
                break;
        }
        return (result, problems);
    }

    public static PanelLevel? FromLevel(Level? level) => level switch
    {
        Level.Benchmark => PanelLevel.Benchmark,
        Level.Excellent => PanelLevel.Excellent,
        Level.Advancing => PanelLevel.Advancing,
        _ => null,
    };
}
