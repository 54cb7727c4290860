using Excellence.Web.Domain.Rounds;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Excellence.Web.Data.Configurations;

internal sealed class RoundConfiguration : IEntityTypeConfiguration<Round>
{
    public void Configure(EntityTypeBuilder<Round> b)
    {
        b.HasIndex(r => r.Year).IsUnique();
        b.Property(r => r.Title).HasMaxLength(200);
        b.Property(r => r.TitleEn).HasMaxLength(300);
        b.Property(r => r.NoticeNumber).HasMaxLength(100);
        b.Property(r => r.ContactDepartment).HasMaxLength(100);
        b.Property(r => r.ContactPerson).HasMaxLength(50);
        b.Property(r => r.ContactPhone).HasMaxLength(50);
        b.Property(r => r.ContactEmail).HasMaxLength(254);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Ignore(r => r.OpensAt);
        b.HasMany(r => r.Phases).WithOne().HasForeignKey(p => p.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Categories).WithOne().HasForeignKey(c => c.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RoundPhaseConfiguration : IEntityTypeConfiguration<RoundPhase>
{
    public void Configure(EntityTypeBuilder<RoundPhase> b)
    {
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.NameEn).HasMaxLength(300);
        b.Property(p => p.Note).HasMaxLength(500);
    }
}

internal sealed class RoundCategoryConfiguration : IEntityTypeConfiguration<RoundCategory>
{
    public void Configure(EntityTypeBuilder<RoundCategory> b)
    {
        b.Property(c => c.Category).HasConversion<string>().HasMaxLength(30);
        b.HasIndex(c => new { c.RoundId, c.Category }).IsUnique();
    }
}
