namespace Excellence.Web.Domain;

/// <summary>Asia/Shanghai: the zone every deadline and date of the process is stated in.</summary>
public static class Shanghai
{
    public static TimeZoneInfo Zone { get; } = Find();

    private static TimeZoneInfo Find()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"); }
        catch (TimeZoneNotFoundException)
        {
            // China has kept UTC+8 without daylight saving since 1991; a machine without tzdata still works.
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "Asia/Shanghai", "CST");
        }
    }

    public static DateTimeOffset ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), Zone);

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone).DateTime);

    /// <summary>A wall-clock time in Shanghai as UTC.</summary>
    public static DateTime ToUtc(DateTime shanghaiLocal) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(shanghaiLocal, DateTimeKind.Unspecified), Zone);
}
