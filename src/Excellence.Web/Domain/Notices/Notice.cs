namespace Excellence.Web.Domain.Notices;

public enum NoticeStatus { Scheduled, Open, Closed }

/// <summary>
/// 公示: the approved list of one year, public for 7 natural days. The period is stated by its first day; it
/// begins at 00:00 of that day in Shanghai and ends at 24:00 of the seventh day. Its status follows from the
/// clock, so it opens and closes by itself.
/// </summary>
public sealed class PublicNotice : IAudited
{
    public const int Days = 7;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RoundId { get; set; }
    public int Year { get; set; }
    public DateOnly StartDate { get; set; }
    /// <summary>How to object, beyond the form (the secretariat's contact), shown on the notice.</summary>
    public string Contact { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public Guid CreatedBy { get; set; }
    public string CreatedByName { get; set; } = "";
    public List<PublicNoticeItem> Items { get; set; } = [];

    public DateOnly LastDay => NoticePeriod.LastDay(StartDate);
    public DateTime StartsAtUtc => NoticePeriod.StartUtc(StartDate);
    public DateTime EndsAtUtc => NoticePeriod.EndUtc(StartDate);
    public NoticeStatus StatusAt(DateTime nowUtc) => NoticePeriod.Status(StartDate, nowUtc);
}

/// <summary>One application on a notice, in the order published.</summary>
public sealed class PublicNoticeItem : IAudited
{
    public Guid NoticeId { get; set; }
    public Guid ApplicationId { get; set; }
    public int Position { get; set; }
}

/// <summary>The 7 natural days of a notice, in Asia/Shanghai.</summary>
public static class NoticePeriod
{
    public static DateOnly LastDay(DateOnly start) => start.AddDays(PublicNotice.Days - 1);

    public static DateTime StartUtc(DateOnly start) => Shanghai.ToUtc(start.ToDateTime(TimeOnly.MinValue));

    /// <summary>24:00 of the seventh day, i.e. 00:00 of the eighth: the first instant no longer in the period.</summary>
    public static DateTime EndUtc(DateOnly start) => Shanghai.ToUtc(start.AddDays(PublicNotice.Days).ToDateTime(TimeOnly.MinValue));

    public static NoticeStatus Status(DateOnly start, DateTime nowUtc) =>
        nowUtc < StartUtc(start) ? NoticeStatus.Scheduled : nowUtc < EndUtc(start) ? NoticeStatus.Open : NoticeStatus.Closed;

    /// <summary>A start date is today (Shanghai) or later.</summary>
    public static Problem? CheckStart(DateOnly? start, DateOnly today) =>
        start is null ? new Problem("Validation.Required")
        : start.Value < today ? new Problem("Notice.StartInPast", today) : null;
}
