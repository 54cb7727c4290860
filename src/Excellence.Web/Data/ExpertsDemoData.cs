using Excellence.Web.Domain;
using Excellence.Web.Domain.Identifiers;
using Excellence.Web.Domain.Reviews;
using Excellence.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Web.Data;

/// <summary>
/// The five demo experts (expert1..5@demo.local) as pool records linked to their accounts; expert3 coached the
/// demo applicant's organisation last year (a conflict the assignment shows); a review group per category of the
/// newest year, each with a leader. Idempotent.
/// </summary>
public sealed class ExpertsDemoData : IDemoDataSeeder
{
    private static readonly (string Email, string Name, string Organization, string Title, Category[] Categories, Industry[] Industries, string[] Sectors)[] People =
    [
        ("expert1@demo.local", "陈立群", "上海交通大学安泰经济与管理学院", "教授", [Category.OrganizationModel, Category.SinglePractice], [Industry.Manufacturing, Industry.Services], ["HighEndEquipment"]),
        ("expert2@demo.local", "周敏", "上海市质量和标准化研究院", "高级工程师", [Category.OrganizationModel, Category.IndividualExperience], [Industry.Services], ["StandardsMetrologyTesting"]),
        ("expert3@demo.local", "吴海峰", "上海卓质管理咨询有限公司", "首席咨询师", [Category.SinglePractice, Category.IndividualExperience], [Industry.Manufacturing], ["Automotive", "HighEndEquipment"]),
        ("expert4@demo.local", "郑佳怡", "同济大学经济与管理学院", "副教授", [Category.OrganizationModel, Category.SinglePractice], [Industry.Construction], []),
        ("expert5@demo.local", "王建国", "上海电气集团股份有限公司", "质量总监（正高级工程师）", [Category.SinglePractice, Category.IndividualExperience, Category.OrganizationModel], [Industry.Manufacturing], ["HighEndEquipment"]),
    ];

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDb>();
        if (await db.Experts.AnyAsync(ct)) return;
        var pii = services.GetRequiredService<PersonalData>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var year = Shanghai.ToLocal(now).Year;
        var applicant = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.CreditCode == "91310115MA1FL3PQ7A", ct);
        var experts = new List<Expert>();
        var n = 0;
        foreach (var p in People)
        {
            var userId = await db.Users.Where(u => u.Email == p.Email).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
            var phone = $"1391234{++n:D4}";
            var e = new Expert
            {
                UserId = userId, Name = p.Name, Email = p.Email, OrganizationName = p.Organization, Title = p.Title,
                PhoneCipher = pii.Protect(phone), PhoneMasked = Phone.Mask(phone), Categories = [.. p.Categories], Industries = [.. p.Industries],
                Sectors = [.. p.Sectors], CreatedAt = now, UpdatedAt = now,
            };
            if (p.Email == "expert3@demo.local" && applicant is not null)
                e.Affiliations = [new Affiliation(applicant.Name, applicant.CreditCode, AffiliationKind.Coaching, year - 1, year - 1, "卓越绩效自评辅导")];
            experts.Add(e);
            db.Experts.Add(e);
        }
        var round = await db.Rounds.AsNoTracking().OrderByDescending(r => r.Year).FirstOrDefaultAsync(ct);
        if (round is not null)
        {
            var names = new Dictionary<Category, string>
            {
                [Category.OrganizationModel] = "组织模式评审组", [Category.SinglePractice] = "单项实践评审组", [Category.IndividualExperience] = "个人经验评审组",
            };
            var i = 0;
            foreach (var category in Enum.GetValues<Category>())
            {
                var members = experts.Where(e => e.Categories.Contains(category)).ToList();
                var leader = members[i++ % members.Count];
                var group = new ReviewGroup { RoundId = round.Id, Year = round.Year, Category = category, Name = names[category], LeaderExpertId = leader.Id };
                group.Members.AddRange(members.Select(m => new ReviewGroupMember { ReviewGroupId = group.Id, ExpertId = m.Id }));
                db.ReviewGroups.Add(group);
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
