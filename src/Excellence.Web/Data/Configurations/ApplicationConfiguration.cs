using System.Text.Json;
using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Organizations;
using Excellence.Web.Domain.Rounds;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Excellence.Web.Data.Configurations;

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> b)
    {
        b.Property(a => a.Category).HasConversion<string>().HasMaxLength(30);
        b.Property(a => a.Stage).HasConversion<string>().HasMaxLength(30);
        b.Property(a => a.ReceiptNumber).HasMaxLength(30);
        // A receipt number is unique; concurrent submissions that pick the same one retry (SubmitApplication).
        b.HasIndex(a => a.ReceiptNumber).IsUnique();
        b.HasIndex(a => new { a.OrganizationId, a.Year });
        b.HasIndex(a => new { a.Year, a.Category, a.Stage });
        b.HasIndex(a => a.RecommenderUnitId);
        b.Property(a => a.UpdatedByName).HasMaxLength(256);
        b.Property(a => a.Title).HasMaxLength(500);
        b.Property(a => a.DirectApplicationReason).HasMaxLength(2000);
        b.Property(a => a.RecommenderDecision).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.RecommendedByName).HasMaxLength(256);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.Property(a => a.PreliminaryScore).HasPrecision(5, 1);
        b.Property(a => a.ProposedLevel).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.ApprovedLevel).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.QualityActivities).HasConversion(JsonList<QualityActivity>.Converter, JsonList<QualityActivity>.Comparer);
        b.Property(a => a.Awards).HasConversion(JsonList<Award>.Converter, JsonList<Award>.Comparer);
        b.Property(a => a.Eligibility).HasConversion(JsonList<EligibilityAnswer>.Converter, JsonList<EligibilityAnswer>.Comparer);
        b.Ignore(a => a.IsIndividual);
        b.HasOne<Round>().WithMany().HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<RecommenderUnit>().WithMany().HasForeignKey(a => a.RecommenderUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.Nominee).WithOne().HasForeignKey<Nominee>(n => n.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NomineeConfiguration : IEntityTypeConfiguration<Nominee>
{
    public void Configure(EntityTypeBuilder<Nominee> b)
    {
        b.HasKey(n => n.ApplicationId);
        b.Property(n => n.Name).HasMaxLength(50);
        b.Property(n => n.ResidentIdMasked).HasMaxLength(18);
        b.Property(n => n.Gender).HasConversion<string>().HasMaxLength(10);
        b.Property(n => n.PoliticalStatus).HasConversion<string>().HasMaxLength(30);
        b.Property(n => n.TitleOrSkill).HasMaxLength(100);
        b.Property(n => n.Education).HasMaxLength(100);
        b.Property(n => n.Department).HasMaxLength(100);
        b.Property(n => n.Position).HasMaxLength(100);
        b.Property(n => n.PhoneMasked).HasMaxLength(30);
        b.Property(n => n.Email).HasMaxLength(254);
        b.Property(n => n.PhotoStoredName).HasMaxLength(32);
        b.Property(n => n.PhotoSha256).HasMaxLength(64);
    }
}

internal sealed class StageChangeConfiguration : IEntityTypeConfiguration<StageChange>
{
    public void Configure(EntityTypeBuilder<StageChange> b)
    {
        b.Property(c => c.From).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.To).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.Move).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.ByName).HasMaxLength(256);
        b.Property(c => c.Reason).HasMaxLength(2000);
        b.HasIndex(c => c.ApplicationId);
        b.HasOne<Application>().WithMany().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EvidenceConfiguration : IEntityTypeConfiguration<Evidence>
{
    public void Configure(EntityTypeBuilder<Evidence> b)
    {
        b.Property(e => e.FileName).HasMaxLength(EvidenceFiles.MaxNameLength);
        b.Property(e => e.ContentType).HasMaxLength(100);
        b.Property(e => e.Sha256).HasMaxLength(64);
        b.Property(e => e.StoredName).HasMaxLength(32);
        b.HasIndex(e => e.ApplicationId);
        b.HasOne<Application>().WithMany().HasForeignKey(e => e.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}
