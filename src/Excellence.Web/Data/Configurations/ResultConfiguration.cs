using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Excellence.Web.Data.Configurations;

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> b)
    {
        b.Property(c => c.Number).HasMaxLength(30);
        b.Property(c => c.Code).HasMaxLength(64);
        b.Property(c => c.Category).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.Level).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.HolderName).HasMaxLength(200);
        b.Property(c => c.OrganizationName).HasMaxLength(200);
        b.Property(c => c.Title).HasMaxLength(200);
        b.Property(c => c.RevocationReason).HasMaxLength(2000);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Ignore(c => c.IsRevoked);
        b.HasIndex(c => c.Number).IsUnique();
        b.HasIndex(c => c.Code).IsUnique();
        b.HasIndex(c => new { c.Year, c.Category, c.Sequence }).IsUnique();
        b.HasIndex(c => c.ApplicationId);
        b.HasIndex(c => c.OrganizationId);
        b.HasOne<Application>().WithMany().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PublicationConfiguration : IEntityTypeConfiguration<Publication>
{
    public void Configure(EntityTypeBuilder<Publication> b)
    {
        b.Property(p => p.Category).HasConversion<string>().HasMaxLength(30);
        b.Property(p => p.PublishedByName).HasMaxLength(100);
        b.HasIndex(p => new { p.Year, p.Category }).IsUnique();
    }
}
