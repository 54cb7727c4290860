namespace Excellence.Tests.Support;

/// <summary>
/// The app for the notice tests: objections are not rate-limited here (every test client shares one address;
/// the limit has its own test), the minimum fill time stays at its default of 5 seconds.
/// </summary>
public sealed class NoticeAppFactory : AppFactory
{
    public NoticeAppFactory() => With("RateLimits:ObjectionsPerHour", "100000");
}
