namespace Excellence.Web.Features;

/// <summary>
/// Every use case is a class named Handler nested in its feature (CreateRound.Handler …); they are
/// registered here by that convention so that adding a feature touches no shared file.
/// </summary>
public static class FeatureRegistration
{
    public static IServiceCollection AddFeatures(this IServiceCollection services)
    {
        var handlers = typeof(FeatureRegistration).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, Name: "Handler" }
                        && t.Namespace?.StartsWith("Excellence.Web.Features", StringComparison.Ordinal) == true);
        foreach (var type in handlers) services.AddScoped(type);
        return services;
    }
}
