namespace Excellence.Web.Domain.Screening;

/// <summary>
/// Due dates and lateness of supplement requests, in Asia/Shanghai calendar days: a request is due at the end
/// of its due day; an answer on a later day is late (and still accepted; the lateness is recorded).
/// </summary>
public static class SupplementRules
{
    /// <summary>The longest a secretariat may give (the evaluation phase is short).</summary>
    public const int MaxDaysToAnswer = 60;
    public const int MaxItems = 30;
    public const int MaxTextLength = 2000;
    public const int MaxAnswerLength = 5000;

    /// <summary>The due date must be a later day than today and at most <see cref="MaxDaysToAnswer"/> days ahead.</summary>
    public static Problem? CheckDueDate(DateOnly? due, DateOnly today)
    {
        if (due is null) return new Problem("Screening.DueDateRequired");
        if (due.Value <= today) return new Problem("Screening.DueDateNotFuture");
        if (due.Value > today.AddDays(MaxDaysToAnswer)) return new Problem("Screening.DueDateTooFar", MaxDaysToAnswer);
        return null;
    }

    /// <summary>Late when answered on a Shanghai day after the due day.</summary>
    public static bool IsLate(DateOnly due, DateTime answeredUtc) => DaysLate(due, answeredUtc) > 0;

    /// <summary>Whole Shanghai days after the due day (0 when on time).</summary>
    public static int DaysLate(DateOnly due, DateTime atUtc)
    {
        var day = Shanghai.Today(new DateTimeOffset(DateTime.SpecifyKind(atUtc, DateTimeKind.Utc)));
        return Math.Max(0, day.DayNumber - due.DayNumber);
    }

    /// <summary>An open request is overdue once its due day has passed.</summary>
    public static bool IsOverdue(SupplementRequest request, DateTime nowUtc) => request.IsOpen && DaysLate(request.DueOn, nowUtc) > 0;

    /// <summary>From the request to the answer (or to now while open).</summary>
    public static TimeSpan TimeTaken(SupplementRequest request, DateTime nowUtc) => (request.AnsweredAt ?? nowUtc) - request.RequestedAt;

    /// <summary>Items as entered: trimmed, blank ones dropped.</summary>
    public static List<string> CleanItems(IEnumerable<string?>? items) =>
        (items ?? []).Select(i => (i ?? "").Trim()).Where(i => i.Length > 0).ToList();
}
