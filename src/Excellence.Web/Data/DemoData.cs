using Excellence.Web.Domain;
using Excellence.Web.Domain.Identifiers;
using Excellence.Web.Domain.Organizations;
using Excellence.Web.Domain.Rounds;
using Excellence.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Data;

/// <summary>
/// Demo data, written only when asked (--demo or seed-demo) and idempotent: the 2024 year with the
/// notice's dates, a current year whose deadline is at least 30 days ahead, recommender units, two
/// applicant organisations and one account per role. Never any account otherwise.
/// </summary>
public static class DemoData
{
    public const string Password = "Demo@2024!";

    public static readonly IReadOnlyList<(string Email, string Role)> Accounts =
    [
        ("secretariat@demo.local", Roles.Secretariat),
        ("applicant@demo.local", Roles.Applicant),
        ("applicant2@demo.local", Roles.Applicant),
        ("recommender@demo.local", Roles.Recommender),
        ("expert1@demo.local", Roles.Expert),
        ("expert2@demo.local", Roles.Expert),
        ("expert3@demo.local", Roles.Expert),
        ("expert4@demo.local", Roles.Expert),
        ("expert5@demo.local", Roles.Expert),
        ("approver@demo.local", Roles.Approver),
        ("admin@demo.local", Roles.Administrator),
    ];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDb>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var pii = sp.GetRequiredService<PersonalData>();
        var users = sp.GetRequiredService<UserManager<User>>();
        var now = clock.GetUtcNow();

        if (!await db.Rounds.AnyAsync(r => r.Year == 2024, ct)) db.Rounds.Add(Round2024(now.UtcDateTime));
        var current = CurrentRound(now);
        if (!await db.Rounds.AnyAsync(r => r.Year == current.Year, ct)) db.Rounds.Add(current);

        var recommenders = new (string Name, RecommenderKind Kind, string? District)[]
        {
            ("浦东新区市场监督管理局", RecommenderKind.DistrictBureau, "310115"),
            ("徐汇区市场监督管理局", RecommenderKind.DistrictBureau, "310104"),
            ("临港新片区管理委员会", RecommenderKind.IndustryAuthority, null),
            ("上海市市场监督管理局机场分局", RecommenderKind.DistrictBureau, null),
            ("上海示范控股集团有限公司", RecommenderKind.GroupCompany, null),
            ("上海市示范行业协会", RecommenderKind.IndustryAssociation, null),
        };
        foreach (var (name, kind, district) in recommenders)
        {
            if (await db.RecommenderUnits.AnyAsync(r => r.Name == name, ct)) continue;
            db.RecommenderUnits.Add(new RecommenderUnit
            {
                Name = name, Kind = kind, District = district, ContactName = "联络员",
                ContactPhoneCipher = pii.Protect("13800138000"), ContactPhoneMasked = Phone.Mask("13800138000"),
                ContactEmail = "recommender@demo.local", CreatedAt = now.UtcDateTime, UpdatedAt = now.UtcDateTime,
            });
        }
        var org1 = await EnsureOrganization(db, pii, now.UtcDateTime, "上海示范精密制造有限公司", "91310115MA1FL3PQ7A", "310115",
            MarketEntityType.Private, Industry.Manufacturing, ["HighEndEquipment", "AdvancedMaterials"], OrganizationScale.Medium, true, ct);
        var org2 = await EnsureOrganization(db, pii, now.UtcDateTime, "上海示范数字服务有限公司",
            "91310104MA1K00001" + CreditCode.CheckCharacter("91310104MA1K00001"), "310104",
            MarketEntityType.StateOwned, Industry.Services, ["DigitalInformationServices"], OrganizationScale.Large, false, ct);
        await db.SaveChangesAsync(ct);

        var pudong = await db.RecommenderUnits.FirstAsync(r => r.Name == "浦东新区市场监督管理局", ct);
        foreach (var (email, role) in Accounts)
        {
            if (await users.FindByEmailAsync(email) is not null) continue;
            var user = new User
            {
                UserName = email, Email = email, EmailConfirmed = true, CreatedAt = now.UtcDateTime,
                DisplayName = DisplayName(email),
                OrganizationId = email switch { "applicant@demo.local" => org1.Id, "applicant2@demo.local" => org2.Id, _ => null },
                RecommenderUnitId = role == Roles.Recommender ? pudong.Id : null,
            };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, role);
        }

        foreach (var seeder in DatabaseSetup.Seeders<IDemoDataSeeder>())
            await seeder.SeedAsync(sp, ct);
    }

    private static string DisplayName(string email) => email.Split('@')[0] switch
    {
        "secretariat" => "秘书处（演示）",
        "applicant" => "张明（演示）",
        "applicant2" => "李华（演示）",
        "recommender" => "浦东新区市场监管局（演示）",
        "approver" => "审定专家（演示）",
        "admin" => "系统管理员（演示）",
        var e => $"评审专家{e[^1]}（演示）",
    };

    private static async Task<Organization> EnsureOrganization(AppDb db, PersonalData pii, DateTime now, string name, string creditCode,
        string district, MarketEntityType type, Industry industry, List<string> sectors, OrganizationScale scale, bool sme, CancellationToken ct)
    {
        var existing = await db.Organizations.FirstOrDefaultAsync(o => o.CreditCode == creditCode, ct);
        if (existing is not null) return existing;
        var org = new Organization
        {
            Name = name, CreditCode = creditCode, District = district, EstablishedOn = new DateOnly(2008, 3, 18),
            RegisteredAddress = "上海市浦东新区示范路100号", RegisteredPostcode = "200120",
            MailingAddress = "上海市浦东新区示范路100号", MailingPostcode = "200120",
            Nature = OrganizationNature.MarketEntity, MarketEntityType = type, Industry = industry, Sectors = sectors,
            Scale = scale, IsSpecialisedSme = sme, ContactName = "张明", ContactDepartment = "质量管理部（部长）",
            ContactMobileCipher = pii.Protect("13912345678"), ContactMobileMasked = Phone.Mask("13912345678"),
            ContactEmail = "applicant@demo.local", CreatedAt = now, UpdatedAt = now,
        };
        db.Organizations.Add(org);
        return org;
    }

    public static string NoticeText2024()
    {
        using var stream = typeof(DemoData).Assembly.GetManifestResourceStream("Demo.notice-2024.txt")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static Round Round2024(DateTime now) => NewRound(2024, Shanghai.ToUtc(new DateTime(2024, 8, 23, 15, 0, 0)),
        "沪质协〔2024〕42号", NoticeText2024(), now,
        [
            (PhaseKind.Launch, "卓越管理创新成果发布及推进工作会议", "Launch meeting", new DateOnly(2024, 6, 27), new DateOnly(2024, 6, 27)),
            (PhaseKind.Application, "成果申报及推荐", "Application and recommendation", new DateOnly(2024, 6, 1), new DateOnly(2024, 8, 23)),
            (PhaseKind.Evaluation, "成果评价", "Evaluation", new DateOnly(2024, 9, 1), new DateOnly(2024, 10, 31)),
            (PhaseKind.Approval, "成果审定、发布", "Approval and publication", new DateOnly(2024, 10, 21), new DateOnly(2024, 10, 31)),
            (PhaseKind.Promotion, "成果宣传推广", "Promotion", new DateOnly(2024, 11, 1), new DateOnly(2024, 11, 30)),
        ]);

    /// <summary>
    /// A year that mirrors 2024's timeline, shifted so the deadline (15:00 Shanghai) falls 60 days from today
    /// and applications are open now.
    /// </summary>
    public static Round CurrentRound(DateTimeOffset now)
    {
        var today = Shanghai.Today(now);
        var deadlineDay = today.AddDays(60);
        var year = today.Year == 2024 ? 2025 : today.Year;
        var shift = deadlineDay.DayNumber - new DateOnly(2024, 8, 23).DayNumber;
        DateOnly S(int m, int d) => DateOnly.FromDayNumber(new DateOnly(2024, m, d).DayNumber + shift);
        var notice = NoticeText2024().Replace("2024", year.ToString()).Replace("〔" + year + "〕42号", "〔" + year + "〕1号")
            .Replace($"{year} 年 8 月 23 日 15:00", $"{deadlineDay.Year} 年 {deadlineDay.Month} 月 {deadlineDay.Day} 日 15:00");
        return NewRound(year, Shanghai.ToUtc(deadlineDay.ToDateTime(new TimeOnly(15, 0))), $"沪质协〔{year}〕1号", notice, now.UtcDateTime,
        [
            (PhaseKind.Launch, "卓越管理创新成果发布及推进工作会议", "Launch meeting", today.AddDays(-7), today.AddDays(-7)),
            (PhaseKind.Application, "成果申报及推荐", "Application and recommendation", today.AddDays(-7), deadlineDay),
            (PhaseKind.Evaluation, "成果评价", "Evaluation", S(9, 1), S(10, 31)),
            (PhaseKind.Approval, "成果审定、发布", "Approval and publication", S(10, 21), S(10, 31)),
            (PhaseKind.Promotion, "成果宣传推广", "Promotion", S(11, 1), S(11, 30)),
        ]);
    }

    private static Round NewRound(int year, DateTime deadlineUtc, string number, string notice, DateTime now,
        (PhaseKind Kind, string Name, string NameEn, DateOnly Start, DateOnly End)[] phases) => new()
    {
        Year = year,
        Title = $"{year}年卓越管理创新成果评价",
        TitleEn = $"{year} Excellence Management Innovation Achievement Evaluation",
        NoticeNumber = number,
        NoticeText = notice,
        SubmissionDeadline = deadlineUtc,
        ContactDepartment = "上海市质量协会会员与质量推进部",
        ContactPerson = "华蔚筠",
        ContactPhone = "18917180039",
        ContactEmail = "huaweiyun@saq.org.cn",
        CreatedAt = now,
        UpdatedAt = now,
        Phases = phases.Select((p, i) => new RoundPhase { Order = i + 1, Kind = p.Kind, Name = p.Name, NameEn = p.NameEn, StartsOn = p.Start, EndsOn = p.End }).ToList(),
        Categories = Enum.GetValues<Category>().Select(RoundCategory.Default).ToList(),
    };
}
