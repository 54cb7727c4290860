using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Reviews;
using Excellence.Web.Domain.Rounds;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Excellence.Web.Data.Configurations;

internal sealed class ExpertConfiguration : IEntityTypeConfiguration<Expert>
{
    public void Configure(EntityTypeBuilder<Expert> b)
    {
        b.Property(e => e.Name).HasMaxLength(50);
        b.Property(e => e.OrganizationName).HasMaxLength(200);
        b.Property(e => e.OrganizationCreditCode).HasMaxLength(18);
        b.Property(e => e.GroupName).HasMaxLength(200);
        b.Property(e => e.GroupCreditCode).HasMaxLength(18);
        b.Property(e => e.Title).HasMaxLength(100);
        b.Property(e => e.Email).HasMaxLength(254);
        b.Property(e => e.PhoneMasked).HasMaxLength(30);
        b.Property(e => e.Note).HasMaxLength(2000);
        b.Property(e => e.Categories).AsJson();
        b.Property(e => e.Industries).AsJson();
        b.Property(e => e.Sectors).AsJson();
        b.Property(e => e.Affiliations).AsJson();
        b.Property(e => e.Version).IsConcurrencyToken();
        b.HasIndex(e => e.UserId).IsUnique();
        b.HasIndex(e => e.Email);
        b.HasOne<User>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ExpertAvailabilityConfiguration : IEntityTypeConfiguration<ExpertAvailability>
{
    public void Configure(EntityTypeBuilder<ExpertAvailability> b)
    {
        b.HasKey(a => new { a.ExpertId, a.Year });
        b.Property(a => a.Note).HasMaxLength(500);
        b.HasOne<Expert>().WithMany().HasForeignKey(a => a.ExpertId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReviewGroupConfiguration : IEntityTypeConfiguration<ReviewGroup>
{
    public void Configure(EntityTypeBuilder<ReviewGroup> b)
    {
        b.Property(g => g.Category).HasConversion<string>().HasMaxLength(30);
        b.Property(g => g.Name).HasMaxLength(100);
        b.Property(g => g.Version).IsConcurrencyToken();
        b.HasIndex(g => new { g.Year, g.Category });
        b.HasOne<Round>().WithMany().HasForeignKey(g => g.RoundId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Expert>().WithMany().HasForeignKey(g => g.LeaderExpertId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(g => g.Members).WithOne().HasForeignKey(m => m.ReviewGroupId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReviewGroupMemberConfiguration : IEntityTypeConfiguration<ReviewGroupMember>
{
    public void Configure(EntityTypeBuilder<ReviewGroupMember> b)
    {
        b.HasKey(m => new { m.ReviewGroupId, m.ExpertId });
        b.HasIndex(m => m.ExpertId);
        b.HasOne<Expert>().WithMany().HasForeignKey(m => m.ExpertId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> b)
    {
        b.Property(a => a.Category).HasConversion<string>().HasMaxLength(30);
        b.Property(a => a.Source).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.RecusalReason).HasMaxLength(2000);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasIndex(a => new { a.ApplicationId, a.ExpertId }).IsUnique();
        b.HasIndex(a => new { a.ExpertId, a.Year, a.Status });
        b.HasIndex(a => new { a.Year, a.Category });
        b.HasOne<Application>().WithMany().HasForeignKey(a => a.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Expert>().WithMany().HasForeignKey(a => a.ExpertId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ReviewGroup>().WithMany().HasForeignKey(a => a.ReviewGroupId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ConflictConfiguration : IEntityTypeConfiguration<Conflict>
{
    public void Configure(EntityTypeBuilder<Conflict> b)
    {
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.Reason).HasMaxLength(2000);
        b.HasIndex(c => new { c.ExpertId, c.ApplicationId });
        b.HasIndex(c => c.ApplicationId);
        b.HasOne<Application>().WithMany().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Expert>().WithMany().HasForeignKey(c => c.ExpertId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RubricConfiguration : IEntityTypeConfiguration<Rubric>
{
    public void Configure(EntityTypeBuilder<Rubric> b)
    {
        b.Property(r => r.Category).HasConversion<string>().HasMaxLength(30);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => new { r.Year, r.Category }).IsUnique();
        b.HasOne<Round>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Criteria).WithOne().HasForeignKey(c => c.RubricId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CriterionConfiguration : IEntityTypeConfiguration<Criterion>
{
    public void Configure(EntityTypeBuilder<Criterion> b)
    {
        b.Property(c => c.Block).HasMaxLength(10);
        b.Property(c => c.BlockName).HasMaxLength(50);
        b.Property(c => c.BlockNameEn).HasMaxLength(100);
        b.Property(c => c.Code).HasMaxLength(10);
        b.Property(c => c.Name).HasMaxLength(100);
        b.Property(c => c.NameEn).HasMaxLength(200);
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(c => new { c.RubricId, c.Code }).IsUnique();
    }
}

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> b)
    {
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Scores).AsJson();
        b.Property(r => r.Veto).HasConversion<string>().HasMaxLength(40);
        b.Property(r => r.VetoNote).HasMaxLength(2000);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => r.AssignmentId).IsUnique();
        b.HasIndex(r => new { r.ApplicationId, r.Status });
        b.HasIndex(r => r.ExpertId);
        b.HasOne<Assignment>().WithMany().HasForeignKey(r => r.AssignmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Rubric>().WithMany().HasForeignKey(r => r.RubricId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ConsensusConfiguration : IEntityTypeConfiguration<Consensus>
{
    public void Configure(EntityTypeBuilder<Consensus> b)
    {
        b.Property(c => c.BlockPoints).AsJson();
        b.Property(c => c.Reason).HasMaxLength(4000);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => c.ApplicationId).IsUnique();
        b.HasOne<Application>().WithMany().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ReviewGroup>().WithMany().HasForeignKey(c => c.ReviewGroupId).OnDelete(DeleteBehavior.Restrict);
    }
}
