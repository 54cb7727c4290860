using Excellence.Web.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Excellence.Web.Data.Configurations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.HasIndex(o => o.CreditCode).IsUnique();
        b.Property(o => o.CreditCode).HasMaxLength(18);
        b.Property(o => o.Name).HasMaxLength(100);
        b.Property(o => o.District).HasMaxLength(6);
        b.Property(o => o.RegisteredAddress).HasMaxLength(200);
        b.Property(o => o.MailingAddress).HasMaxLength(200);
        b.Property(o => o.RegisteredPostcode).HasMaxLength(6);
        b.Property(o => o.MailingPostcode).HasMaxLength(6);
        b.Property(o => o.Nature).HasConversion<string>().HasMaxLength(30);
        b.Property(o => o.NatureOther).HasMaxLength(100);
        b.Property(o => o.MarketEntityType).HasConversion<string>().HasMaxLength(30);
        b.Property(o => o.Industry).HasConversion<string>().HasMaxLength(30);
        b.Property(o => o.SectorOther).HasMaxLength(100);
        b.Property(o => o.Scale).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.ContactName).HasMaxLength(50);
        b.Property(o => o.ContactDepartment).HasMaxLength(100);
        b.Property(o => o.ContactMobileMasked).HasMaxLength(20);
        b.Property(o => o.ContactEmail).HasMaxLength(254);
        b.Property(o => o.Version).IsConcurrencyToken();
    }
}

internal sealed class OrganizationInvitationConfiguration : IEntityTypeConfiguration<OrganizationInvitation>
{
    public void Configure(EntityTypeBuilder<OrganizationInvitation> b)
    {
        b.Property(i => i.Email).HasMaxLength(254);
        b.Property(i => i.TokenHash).HasMaxLength(64);
        b.HasIndex(i => i.TokenHash).IsUnique();
        b.HasIndex(i => i.OrganizationId);
        b.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RecommenderUnitConfiguration : IEntityTypeConfiguration<RecommenderUnit>
{
    public void Configure(EntityTypeBuilder<RecommenderUnit> b)
    {
        b.Property(r => r.Name).HasMaxLength(100);
        b.HasIndex(r => r.Name).IsUnique();
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(r => r.CreditCode).HasMaxLength(18);
        b.Property(r => r.District).HasMaxLength(6);
        b.Property(r => r.ContactName).HasMaxLength(50);
        b.Property(r => r.ContactPhoneMasked).HasMaxLength(30);
        b.Property(r => r.ContactEmail).HasMaxLength(254);
    }
}
