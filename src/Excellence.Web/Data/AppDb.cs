using Excellence.Web.Domain;
using Excellence.Web.Domain.Organizations;
using Excellence.Web.Domain.Rounds;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Excellence.Web.Data;

/// <summary>
/// The one database context. Each provider has a subclass so that SQLite and PostgreSQL keep their own
/// migrations. Every save that touches an audited entity appends hash-chained audit entries in the same
/// transaction (see <see cref="AuditRecorder"/>).
/// </summary>
public abstract class AppDb : IdentityDbContext<User, Role, Guid>
{
    private readonly AuditRecorder? recorder;

    protected AppDb(DbContextOptions options, AuditRecorder? recorder) : base(options) => this.recorder = recorder;

    public DbSet<Round> Rounds => Set<Round>();
    public DbSet<RoundPhase> RoundPhases => Set<RoundPhase>();
    public DbSet<RoundCategory> RoundCategories => Set<RoundCategory>();
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<OrganizationInvitation> OrganizationInvitations => Set<OrganizationInvitation>();
    public DbSet<RecommenderUnit> RecommenderUnits => Set<RecommenderUnit>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<Domain.Diagnosis.IndicatorSystem> IndicatorSystems => Set<Domain.Diagnosis.IndicatorSystem>();
    public DbSet<Domain.Diagnosis.Diagnosis> Diagnoses => Set<Domain.Diagnosis.Diagnosis>();
    public DbSet<Domain.Diagnosis.DiagnosisDimensionScore> DiagnosisDimensionScores => Set<Domain.Diagnosis.DiagnosisDimensionScore>();
    public DbSet<Domain.Diagnosis.DiagnosisEvidence> DiagnosisEvidence => Set<Domain.Diagnosis.DiagnosisEvidence>();
    public DbSet<Domain.Applications.Application> Applications => Set<Domain.Applications.Application>();
    public DbSet<Domain.Applications.Nominee> Nominees => Set<Domain.Applications.Nominee>();
    public DbSet<Domain.Applications.StageChange> StageChanges => Set<Domain.Applications.StageChange>();
    public DbSet<Domain.Applications.Evidence> Evidence => Set<Domain.Applications.Evidence>();
    // Preliminary review (issue 4): the expert pool, groups, assignments, conflicts, rubrics, score sheets.
    public DbSet<Domain.Reviews.Expert> Experts => Set<Domain.Reviews.Expert>();
    public DbSet<Domain.Reviews.ExpertAvailability> ExpertAvailability => Set<Domain.Reviews.ExpertAvailability>();
    public DbSet<Domain.Reviews.ReviewGroup> ReviewGroups => Set<Domain.Reviews.ReviewGroup>();
    public DbSet<Domain.Reviews.ReviewGroupMember> ReviewGroupMembers => Set<Domain.Reviews.ReviewGroupMember>();
    public DbSet<Domain.Reviews.Assignment> Assignments => Set<Domain.Reviews.Assignment>();
    public DbSet<Domain.Reviews.Conflict> Conflicts => Set<Domain.Reviews.Conflict>();
    public DbSet<Domain.Reviews.Rubric> Rubrics => Set<Domain.Reviews.Rubric>();
    public DbSet<Domain.Reviews.Criterion> Criteria => Set<Domain.Reviews.Criterion>();
    public DbSet<Domain.Reviews.Review> Reviews => Set<Domain.Reviews.Review>();
    public DbSet<Domain.Reviews.Consensus> Consensus => Set<Domain.Reviews.Consensus>();
    // Screening (issue 4): checklists per year and category, decisions, supplement requests and their answers.
    public DbSet<Domain.Screening.ScreeningChecklist> ScreeningChecklists => Set<Domain.Screening.ScreeningChecklist>();
    public DbSet<Domain.Screening.ScreeningRecord> ScreeningRecords => Set<Domain.Screening.ScreeningRecord>();
    public DbSet<Domain.Screening.SupplementRequest> SupplementRequests => Set<Domain.Screening.SupplementRequest>();
    public DbSet<Domain.Screening.SupplementItem> SupplementItems => Set<Domain.Screening.SupplementItem>();
    public DbSet<Domain.Screening.SupplementFile> SupplementFiles => Set<Domain.Screening.SupplementFile>();
    // Panel review and site verification (issue 5, panel).
    public DbSet<Domain.Panels.PanelMeeting> PanelMeetings => Set<Domain.Panels.PanelMeeting>();
    public DbSet<Domain.Panels.PanelMember> PanelMembers => Set<Domain.Panels.PanelMember>();
    public DbSet<Domain.Panels.PanelItem> PanelItems => Set<Domain.Panels.PanelItem>();
    public DbSet<Domain.Panels.PanelRecusal> PanelRecusals => Set<Domain.Panels.PanelRecusal>();
    public DbSet<Domain.Panels.PanelVote> PanelVotes => Set<Domain.Panels.PanelVote>();
    public DbSet<Domain.SiteVisits.SiteVisit> SiteVisits => Set<Domain.SiteVisits.SiteVisit>();
    public DbSet<Domain.SiteVisits.SiteVisitMember> SiteVisitMembers => Set<Domain.SiteVisits.SiteVisitMember>();
    // Publication and certificates (issue 5, results).
    public DbSet<Domain.Results.Publication> Publications => Set<Domain.Results.Publication>();
    public DbSet<Domain.Results.Certificate> Certificates => Set<Domain.Results.Certificate>();
    // Approval meeting (issue 5, 审定).
    public DbSet<Domain.Approvals.ApprovalMeeting> ApprovalMeetings => Set<Domain.Approvals.ApprovalMeeting>();
    public DbSet<Domain.Approvals.ApprovalAttendee> ApprovalAttendees => Set<Domain.Approvals.ApprovalAttendee>();
    public DbSet<Domain.Approvals.ApprovalVote> ApprovalVotes => Set<Domain.Approvals.ApprovalVote>();
    // Public notice and objections (issue 5).
    public DbSet<Domain.Notices.PublicNotice> PublicNotices => Set<Domain.Notices.PublicNotice>();
    public DbSet<Domain.Notices.PublicNoticeItem> PublicNoticeItems => Set<Domain.Notices.PublicNoticeItem>();
    public DbSet<Domain.Notices.Objection> Objections => Set<Domain.Notices.Objection>();
    public DbSet<Domain.Notices.ObjectionFile> ObjectionFiles => Set<Domain.Notices.ObjectionFile>();

    public abstract bool IsPostgres { get; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDb).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // All instants are stored as UTC; SQLite hands back Unspecified, so mark them on the way out.
        configuration.Properties<DateTime>().HaveConversion<UtcConverter>();
        configuration.Properties<DateTime?>().HaveConversion<UtcConverter>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (recorder is null) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        var entries = recorder.Capture(ChangeTracker);
        if (entries.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        return await recorder.AppendAndSaveAsync(this, entries,
            ct => base.SaveChangesAsync(acceptAllChangesOnSuccess, ct), cancellationToken);
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

public sealed class SqliteAppDb(DbContextOptions<SqliteAppDb> options, AuditRecorder? recorder = null) : AppDb(options, recorder)
{
    public override bool IsPostgres => false;
}

public sealed class PostgresAppDb(DbContextOptions<PostgresAppDb> options, AuditRecorder? recorder = null) : AppDb(options, recorder)
{
    public override bool IsPostgres => true;
}
