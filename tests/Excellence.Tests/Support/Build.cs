using Excellence.Web.Data;
using Excellence.Web.Domain;
using Excellence.Web.Domain.Identifiers;
using Excellence.Web.Domain.Organizations;
using Excellence.Web.Domain.Rounds;
using Excellence.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Excellence.Tests.Support;

/// <summary>An account a test signs in with. AuthenticatorKey is set when it has two-factor sign-in.</summary>
public sealed record TestUser(Guid Id, string Email, string Password, string? AuthenticatorKey, Guid? OrganizationId = null, Guid? RecommenderUnitId = null);

/// <summary>
/// Small, unsurprising builders that write straight to the database:
/// <c>await build.Secretariat()</c>, <c>await build.Applicant()</c>, <c>await build.Round(2026)</c>.
/// Staff accounts are built with two-factor sign-in enrolled, as production requires.
/// Each area adds its builders in a part of its own (Support/Build.{Area}.cs), using <see cref="App"/>.
/// </summary>
public sealed partial class Build(AppFactory app)
{
    public AppFactory App => app;

    public const string Password = "Test@Passw0rd!";
    private static int counter;

    public static string UniqueEmail(string prefix) => $"{prefix}{Interlocked.Increment(ref counter)}-{Guid.NewGuid().ToString("N")[..6]}@test.local";

    /// <summary>A valid credit code, different every call (Shanghai region 310115 unless given).</summary>
    public static string CreditCodeFor(int n, string region = "310115")
    {
        var body = "91" + region + "MA" + (n % 10_000_000).ToString("D7");
        return body + CreditCode.CheckCharacter(body);
    }

    public async Task<TestUser> User(string role, string? email = null, bool twoFactor = false, Guid? organizationId = null, Guid? recommenderUnitId = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = new User
        {
            Email = email ?? UniqueEmail(role.ToLowerInvariant()),
            DisplayName = role + " " + counter,
            EmailConfirmed = true,
            OrganizationId = organizationId,
            RecommenderUnitId = recommenderUnitId,
            CreatedAt = app.Clock.GetUtcNow().UtcDateTime,
        };
        user.UserName = user.Email;
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, role));
        string? key = null;
        if (twoFactor)
        {
            Check(await users.ResetAuthenticatorKeyAsync(user));
            key = await users.GetAuthenticatorKeyAsync(user);
            Check(await users.SetTwoFactorEnabledAsync(user, true));
        }
        return new TestUser(user.Id, user.Email, Password, key, organizationId, recommenderUnitId);
    }

    public Task<TestUser> Secretariat() => User(Roles.Secretariat, twoFactor: true);
    public Task<TestUser> Administrator() => User(Roles.Administrator, twoFactor: true);
    public Task<TestUser> Expert() => User(Roles.Expert);
    public Task<TestUser> Approver() => User(Roles.Approver);

    public async Task<TestUser> Applicant(Organization? organization = null)
    {
        organization ??= await Organization();
        return await User(Roles.Applicant, organizationId: organization.Id);
    }

    public async Task<TestUser> RecommenderUser(RecommenderUnit? unit = null)
    {
        unit ??= await Recommender();
        return await User(Roles.Recommender, recommenderUnitId: unit.Id);
    }

    public async Task<Organization> Organization(Action<Organization>? customise = null)
    {
        var n = Interlocked.Increment(ref counter);
        var org = new Organization
        {
            Name = $"测试组织{n}有限公司", CreditCode = CreditCodeFor(n), District = "310115", EstablishedOn = new DateOnly(2010, 1, 1),
            RegisteredAddress = "上海市浦东新区测试路1号", RegisteredPostcode = "200120", MailingAddress = "上海市浦东新区测试路1号",
            MailingPostcode = "200120", Nature = OrganizationNature.MarketEntity, MarketEntityType = MarketEntityType.Private,
            Industry = Industry.Manufacturing, Sectors = ["HighEndEquipment"], Scale = OrganizationScale.Medium,
            ContactName = "王测试", ContactDepartment = "质量部（经理）", ContactEmail = $"contact{n}@test.local",
            CreatedAt = app.Clock.GetUtcNow().UtcDateTime, UpdatedAt = app.Clock.GetUtcNow().UtcDateTime,
        };
        customise?.Invoke(org);
        await app.WithDb<bool>(async (db, sp) =>
        {
            var pii = sp.GetRequiredService<PersonalData>();
            org.ContactMobileCipher = pii.Protect("13800138000");
            org.ContactMobileMasked = Phone.Mask("13800138000");
            db.Organizations.Add(org);
            await db.SaveChangesAsync();
            return true;
        });
        return org;
    }

    public async Task<RecommenderUnit> Recommender(RecommenderKind kind = RecommenderKind.DistrictBureau, string? name = null)
    {
        var unit = new RecommenderUnit
        {
            Name = name ?? $"测试推荐单位{Interlocked.Increment(ref counter)}", Kind = kind, ContactName = "联系人",
            ContactEmail = "rec@test.local", CreatedAt = app.Clock.GetUtcNow().UtcDateTime, UpdatedAt = app.Clock.GetUtcNow().UtcDateTime,
        };
        await app.WithDb(async db => { db.RecommenderUnits.Add(unit); await db.SaveChangesAsync(); });
        return unit;
    }

    /// <summary>A year whose applications opened on 1 June and close on 23 August, 15:00 Shanghai.</summary>
    public async Task<Round> Round(int year = 2026, Action<Round>? customise = null)
    {
        var round = new Round
        {
            Year = year, Title = $"{year}年卓越管理创新成果评价", TitleEn = $"{year} evaluation", NoticeNumber = $"沪质协〔{year}〕42号",
            NoticeText = "通知正文", SubmissionDeadline = Shanghai.ToUtc(new DateTime(year, 8, 23, 15, 0, 0)),
            ContactDepartment = "会员与质量推进部", ContactPerson = "联系人", ContactPhone = "021-62524131", ContactEmail = "contact@test.local",
            CreatedAt = app.Clock.GetUtcNow().UtcDateTime, UpdatedAt = app.Clock.GetUtcNow().UtcDateTime,
            Phases =
            [
                new() { Order = 1, Kind = PhaseKind.Launch, Name = "发布会", NameEn = "Launch", StartsOn = new(year, 6, 1), EndsOn = new(year, 6, 1) },
                new() { Order = 2, Kind = PhaseKind.Application, Name = "成果申报及推荐", NameEn = "Application", StartsOn = new(year, 6, 1), EndsOn = new(year, 8, 23) },
                new() { Order = 3, Kind = PhaseKind.Evaluation, Name = "成果评价", NameEn = "Evaluation", StartsOn = new(year, 9, 1), EndsOn = new(year, 10, 31) },
            ],
            Categories = Enum.GetValues<Category>().Select(RoundCategory.Default).ToList(),
        };
        customise?.Invoke(round);
        await app.WithDb(async db => { db.Rounds.Add(round); await db.SaveChangesAsync(); });
        return round;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
