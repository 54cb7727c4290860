using System.Threading.RateLimiting;
using Excellence.Web.Data;
using Excellence.Web.Features;
using Excellence.Web.Infrastructure.Auth;
using Excellence.Web.Infrastructure.Localization;
using Excellence.Web.Infrastructure.Mail;
using Excellence.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Excellence.Web.Infrastructure.Hosting;

public static class ServiceSetup
{
    public const string AuthRateLimit = "auth";
    /// <summary>Public certificate verification (page and API): every request counts, per client address.</summary>
    public const string VerifyRateLimit = "verify";
    public const string ObjectionRateLimit = "objections";
    private const string SmartScheme = "CookieOrBearer";

    public static WebApplicationBuilder AddExcellence(this WebApplicationBuilder builder, CommandLine? cli = null)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        services.Configure<ExcellenceOptions>(config);
        if (cli?.Demo == true) config["DemoMode"] = "true";
        // Demo mode (--demo, or DemoMode=true): the demo accounts have no second factor, so staff are not forced to
        // enrol one — unless the operator set RequireTwoFactorForStaff explicitly. Outside demo mode the default is on.
        if (string.Equals(config["DemoMode"], "true", StringComparison.OrdinalIgnoreCase) && config["RequireTwoFactorForStaff"] is null)
            config["RequireTwoFactorForStaff"] = "false";
        services.Configure<ExcellenceOptions>(o => o.DatabaseProvider = config["Database:Provider"] ?? o.DatabaseProvider);
        services.Configure<SmtpOptions>(config.GetSection("Smtp"));
        services.Configure<RateLimitOptions>(config.GetSection("RateLimits"));
        var options = new ExcellenceOptions();
        config.Bind(options);
        options.DatabaseProvider = config["Database:Provider"] ?? options.DatabaseProvider;
        Directory.CreateDirectory(options.DataPath());

        services.AddSingleton(TimeProvider.System);
        services.AddHostedService<DatabaseMigrator>();
        services.AddHttpContextAccessor();
        AddDatabase(services, options, config);
        // Cookies are Secure wherever the platform is served over HTTPS (PublicBaseUrl https://…, the production
        // set-up, behind a TLS proxy whose X-Forwarded-Proto is honoured); a plain-http local run keeps working.
        var cookiePolicy = options.PublicBaseUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        services.Configure<ForwardedHeadersOptions>(o =>
            o.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto);
        AddIdentity(services, cookiePolicy);
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(options.DataPath("keys")))
            .SetApplicationName("Excellence");
        services.AddSingleton<PersonalData>();
        services.AddSingleton<ObjectionGuard>();
        services.AddSingleton<Mailer>();

        // Chinese text is written as is, not as &#x...; entities (smaller pages, readable source, searchable tests).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddSingleton<StringCatalog>();
        services.AddSingleton<IStringLocalizerFactory, JsonStringLocalizerFactory>();
        services.AddSingleton(typeof(IStringLocalizer<>), typeof(StringLocalizer<>));
        services.AddLocalization();

        services.AddAuthorization(Policies.Add);
        services.AddRazorPages(o => PageConventions.Apply(o.Conventions))
            .AddViewLocalization()
            .AddMvcOptions(o => ModelBindingMessages.Localize(o, services));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "excellence.af";
            o.Cookie.SecurePolicy = cookiePolicy;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.HeaderName = "X-CSRF-TOKEN";
        });
        services.AddProblemDetails();
        services.AddOpenApi("v1", Api.OpenApiSetup.Configure);
        services.ConfigureHttpJsonOptions(o =>
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        AddRateLimits(services);
        services.AddFeatures();
        return builder;
    }

    private static void AddDatabase(IServiceCollection services, ExcellenceOptions options, IConfiguration config)
    {
        services.AddSingleton<AuditChainLock>();
        services.AddScoped<AuditActor>();
        services.AddScoped<AuditRecorder>();
        services.AddSingleton<Infrastructure.Files.FileStore>();
        if (string.Equals(options.DatabaseProvider, "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            var cs = config.GetConnectionString("Postgres")
                     ?? throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Postgres is not set.");
            services.AddDbContext<AppDb, PostgresAppDb>(o => o.UseNpgsql(cs));
        }
        else
        {
            var path = options.DataPath("excellence.db");
            services.AddDbContext<AppDb, SqliteAppDb>(o => o.UseSqlite($"Data Source={path};Cache=Shared;Pooling=True;Default Timeout=30"));
        }
    }

    private static void AddIdentity(IServiceCollection services, CookieSecurePolicy cookiePolicy)
    {
        services.AddIdentity<User, Role>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<AppDb>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddSignInManager<AppSignInManager>();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(2));

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultAuthenticateScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
                o.DefaultForbidScheme = SmartScheme;
            })
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(8))
            .AddPolicyScheme(SmartScheme, "Cookie or bearer token", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme);

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "excellence.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = cookiePolicy;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/Account/SignIn";
            o.LogoutPath = "/Account/SignOut";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
        });
        foreach (var scheme in new[] { IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.TwoFactorRememberMeScheme, IdentityConstants.ExternalScheme })
        {
            services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(scheme, o =>
            {
                o.Cookie.SecurePolicy = cookiePolicy;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
            });
        }
    }

    private static Task ApiAware(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        // The API answers a bare status here; Api.ApiProblemMiddleware writes the problem body.
        if (Api.ApiPaths.IsApi(ctx.Request.Path) || ctx.Request.Headers.ContainsKey("HX-Request"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    private static void AddRateLimits(IServiceCollection services)
    {
        services.AddRateLimiter(o =>
        {
            // The framework answers 503 by default; a client that is told to slow down should hear 429.
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(AuthRateLimit, http =>
            {
                var limits = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitOptions>>().Value;
                var key = (http.Connection.RemoteIpAddress?.ToString() ?? "local") + "|" + http.Request.Path.Value?.ToLowerInvariant();
                // Only attempts (POST) count; showing the form is free. The free partition needs a key of its own:
                // partitions are cached by key, so sharing the POST key would leave every later POST unlimited.
                if (!HttpMethods.IsPost(http.Request.Method)) return RateLimitPartition.GetNoLimiter("free");
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.AuthPermitsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            // Results (issue 5): certificate codes cannot be guessed, and trying should not even be cheap.
            o.AddPolicy(VerifyRateLimit, http =>
            {
                var limits = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter("verify|" + (http.Connection.RemoteIpAddress?.ToString() ?? "local"),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.VerifyPermitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            // Public objections (公示异议): per client address over every notice, page and API alike; reading is free.
            o.AddPolicy(ObjectionRateLimit, http =>
            {
                var limits = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitOptions>>().Value;
                if (!HttpMethods.IsPost(http.Request.Method)) return RateLimitPartition.GetNoLimiter("objections-free");
                var key = "objections|" + (http.Connection.RemoteIpAddress?.ToString() ?? "local");
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.ObjectionsPerHour,
                    Window = TimeSpan.FromHours(1),
                    QueueLimit = 0,
                });
            });
        });
    }
}
