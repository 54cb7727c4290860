namespace Excellence.Tests.Support;

/// <summary>The injected clock: tests set and move "now"; nothing else in the app reads the system time.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;
    private readonly Lock gate = new();

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate) return now;
    }

    public void Set(DateTimeOffset value)
    {
        lock (gate) now = value;
    }

    public void Advance(TimeSpan by)
    {
        lock (gate) now = now.Add(by);
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
