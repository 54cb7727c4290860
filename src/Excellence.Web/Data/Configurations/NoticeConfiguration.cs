using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Notices;
using Excellence.Web.Domain.Rounds;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Excellence.Web.Data.Configurations;

internal sealed class PublicNoticeConfiguration : IEntityTypeConfiguration<PublicNotice>
{
    public void Configure(EntityTypeBuilder<PublicNotice> b)
    {
        b.Property(n => n.Contact).HasMaxLength(500);
        b.Property(n => n.CreatedByName).HasMaxLength(100);
        b.Ignore(n => n.LastDay);
        b.Ignore(n => n.StartsAtUtc);
        b.Ignore(n => n.EndsAtUtc);
        b.HasIndex(n => new { n.Year, n.StartDate });
        b.HasOne<Round>().WithMany().HasForeignKey(n => n.RoundId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(n => n.Items).WithOne().HasForeignKey(i => i.NoticeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PublicNoticeItemConfiguration : IEntityTypeConfiguration<PublicNoticeItem>
{
    public void Configure(EntityTypeBuilder<PublicNoticeItem> b)
    {
        b.HasKey(i => new { i.NoticeId, i.ApplicationId });
        // An application is on one notice only.
        b.HasIndex(i => i.ApplicationId).IsUnique();
        b.HasOne<Application>().WithMany().HasForeignKey(i => i.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ObjectionConfiguration : IEntityTypeConfiguration<Objection>
{
    public void Configure(EntityTypeBuilder<Objection> b)
    {
        b.Property(o => o.ReceiptNumber).HasMaxLength(30);
        b.HasIndex(o => o.ReceiptNumber).IsUnique();
        b.Property(o => o.NameCipher).HasMaxLength(1000);
        b.Property(o => o.NameMasked).HasMaxLength(60);
        b.Property(o => o.IdentityKind).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.IdentityCipher).HasMaxLength(1000);
        b.Property(o => o.IdentityMasked).HasMaxLength(30);
        b.Property(o => o.Fingerprint).HasMaxLength(64);
        b.HasIndex(o => o.Fingerprint).IsUnique();
        b.Property(o => o.Organization).HasMaxLength(Objection.OrganizationMax);
        b.Property(o => o.ContactCipher).HasMaxLength(1000);
        b.Property(o => o.ContactMasked).HasMaxLength(120);
        b.Property(o => o.EmailCipher).HasMaxLength(1000);
        b.Property(o => o.Grounds).HasMaxLength(Objection.GroundsMax);
        b.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.Findings).HasMaxLength(Objection.FindingsMax);
        b.Property(o => o.Remedy).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.LevelBefore).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.NewLevel).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.Explanation).HasMaxLength(2000);
        b.Property(o => o.AnsweredBy).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.AnswerNote).HasMaxLength(2000);
        b.Property(o => o.DecidedByName).HasMaxLength(100);
        b.Property(o => o.Version).IsConcurrencyToken();
        b.HasIndex(o => new { o.NoticeId, o.Status });
        b.HasOne<PublicNotice>().WithMany().HasForeignKey(o => o.NoticeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Application>().WithMany().HasForeignKey(o => o.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(o => o.Files).WithOne().HasForeignKey(f => f.ObjectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ObjectionFileConfiguration : IEntityTypeConfiguration<ObjectionFile>
{
    public void Configure(EntityTypeBuilder<ObjectionFile> b)
    {
        b.Property(f => f.FileName).HasMaxLength(EvidenceFiles.MaxNameLength + 10);
        b.Property(f => f.ContentType).HasMaxLength(100);
        b.Property(f => f.Sha256).HasMaxLength(64);
        b.Property(f => f.StoredName).HasMaxLength(32);
    }
}
