using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Panels;
using Excellence.Web.Domain.Reviews;
using Excellence.Web.Domain.Rounds;
using Excellence.Web.Domain.SiteVisits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Excellence.Web.Data.Configurations;

internal sealed class PanelMeetingConfiguration : IEntityTypeConfiguration<PanelMeeting>
{
    public void Configure(EntityTypeBuilder<PanelMeeting> b)
    {
        b.Property(m => m.Title).HasMaxLength(200);
        b.Property(m => m.Place).HasMaxLength(200);
        b.Property(m => m.Version).IsConcurrencyToken();
        b.HasIndex(m => m.Year);
        b.HasOne<Round>().WithMany().HasForeignKey(m => m.RoundId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Expert>().WithMany().HasForeignKey(m => m.ChairExpertId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(m => m.Members).WithOne().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(m => m.Items).WithOne().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PanelMemberConfiguration : IEntityTypeConfiguration<PanelMember>
{
    public void Configure(EntityTypeBuilder<PanelMember> b)
    {
        b.HasKey(m => new { m.MeetingId, m.ExpertId });
        b.HasIndex(m => m.ExpertId);
        b.HasOne<Expert>().WithMany().HasForeignKey(m => m.ExpertId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PanelItemConfiguration : IEntityTypeConfiguration<PanelItem>
{
    public void Configure(EntityTypeBuilder<PanelItem> b)
    {
        b.Property(i => i.Questions).HasMaxLength(20000);
        b.Property(i => i.RecommendedLevel).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.Decision).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.Reasons).HasMaxLength(4000);
        b.Property(i => i.ConcludedByName).HasMaxLength(100);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.HasIndex(i => new { i.MeetingId, i.ApplicationId }).IsUnique();
        b.HasIndex(i => i.ApplicationId);
        b.HasOne<Application>().WithMany().HasForeignKey(i => i.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(i => i.Recusals).WithOne().HasForeignKey(r => r.ItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(i => i.Votes).WithOne().HasForeignKey(v => v.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PanelRecusalConfiguration : IEntityTypeConfiguration<PanelRecusal>
{
    public void Configure(EntityTypeBuilder<PanelRecusal> b)
    {
        b.Property(r => r.Reason).HasMaxLength(2000);
        b.HasIndex(r => new { r.ItemId, r.ExpertId }).IsUnique();
        b.HasIndex(r => r.ExpertId);
        b.HasOne<Expert>().WithMany().HasForeignKey(r => r.ExpertId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PanelVoteConfiguration : IEntityTypeConfiguration<PanelVote>
{
    public void Configure(EntityTypeBuilder<PanelVote> b)
    {
        b.Property(v => v.Score).HasPrecision(4, 1);
        b.Property(v => v.Level).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(v => new { v.ItemId, v.ExpertId }).IsUnique();
        b.HasOne<Expert>().WithMany().HasForeignKey(v => v.ExpertId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SiteVisitConfiguration : IEntityTypeConfiguration<SiteVisit>
{
    public void Configure(EntityTypeBuilder<SiteVisit> b)
    {
        b.Property(v => v.Issues).HasMaxLength(20000);
        b.Property(v => v.Findings).HasMaxLength(20000);
        b.Property(v => v.Log).AsJson();
        b.Property(v => v.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(v => v.OutcomeReason).HasMaxLength(4000);
        b.Property(v => v.Level).HasConversion<string>().HasMaxLength(20);
        b.Property(v => v.ConcludedByName).HasMaxLength(100);
        b.Property(v => v.Version).IsConcurrencyToken();
        b.HasIndex(v => v.Year);
        b.HasIndex(v => v.ApplicationId);
        b.HasOne<Round>().WithMany().HasForeignKey(v => v.RoundId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Application>().WithMany().HasForeignKey(v => v.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PanelItem>().WithMany().HasForeignKey(v => v.PanelItemId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(v => v.Members).WithOne().HasForeignKey(m => m.SiteVisitId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SiteVisitMemberConfiguration : IEntityTypeConfiguration<SiteVisitMember>
{
    public void Configure(EntityTypeBuilder<SiteVisitMember> b)
    {
        b.HasKey(m => new { m.SiteVisitId, m.ExpertId });
        b.HasIndex(m => m.ExpertId);
        b.HasOne<Expert>().WithMany().HasForeignKey(m => m.ExpertId).OnDelete(DeleteBehavior.Restrict);
    }
}
