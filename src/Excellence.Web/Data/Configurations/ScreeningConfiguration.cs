using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Screening;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Excellence.Web.Data.Configurations;

internal sealed class ScreeningChecklistConfiguration : IEntityTypeConfiguration<ScreeningChecklist>
{
    public void Configure(EntityTypeBuilder<ScreeningChecklist> b)
    {
        b.Property(c => c.Category).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.Items).AsJson();
        b.Property(c => c.UpdatedByName).HasMaxLength(100);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => new { c.Year, c.Category }).IsUnique();
    }
}

internal sealed class ScreeningRecordConfiguration : IEntityTypeConfiguration<ScreeningRecord>
{
    public void Configure(EntityTypeBuilder<ScreeningRecord> b)
    {
        b.Property(r => r.Decision).HasConversion<string>().HasMaxLength(30);
        b.Property(r => r.FailKind).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Reason).HasMaxLength(5000);
        b.Property(r => r.InternalNote).HasMaxLength(5000);
        b.Property(r => r.Checklist).AsJson();
        b.Property(r => r.ByName).HasMaxLength(100);
        b.HasIndex(r => r.ApplicationId);
        b.HasOne<Application>().WithMany().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SupplementRequestConfiguration : IEntityTypeConfiguration<SupplementRequest>
{
    public void Configure(EntityTypeBuilder<SupplementRequest> b)
    {
        b.Property(r => r.RequestedByName).HasMaxLength(100);
        b.Property(r => r.AnsweredByName).HasMaxLength(100);
        b.Ignore(r => r.IsOpen);
        b.HasIndex(r => new { r.ApplicationId, r.RoundNumber }).IsUnique();
        b.HasOne<Application>().WithMany().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Items).WithOne().HasForeignKey(i => i.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SupplementItemConfiguration : IEntityTypeConfiguration<SupplementItem>
{
    public void Configure(EntityTypeBuilder<SupplementItem> b)
    {
        b.ToTable("SupplementItems");
        b.Property(i => i.Text).HasMaxLength(SupplementRules.MaxTextLength);
        b.Property(i => i.Answer).HasMaxLength(SupplementRules.MaxAnswerLength);
    }
}

internal sealed class SupplementFileConfiguration : IEntityTypeConfiguration<SupplementFile>
{
    public void Configure(EntityTypeBuilder<SupplementFile> b)
    {
        b.Property(f => f.FileName).HasMaxLength(EvidenceFiles.MaxNameLength);
        b.Property(f => f.ContentType).HasMaxLength(100);
        b.Property(f => f.Sha256).HasMaxLength(64);
        b.Property(f => f.StoredName).HasMaxLength(32);
        b.HasIndex(f => f.RequestId);
        b.HasOne<SupplementItem>().WithMany().HasForeignKey(f => f.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}
