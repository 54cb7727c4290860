using Excellence.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Excellence.Web.Data.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.HasKey(e => e.Seq);
        b.Property(e => e.Seq).ValueGeneratedNever();
        b.Property(e => e.ActorName).HasMaxLength(254);
        b.Property(e => e.Action).HasMaxLength(100);
        b.Property(e => e.RecordType).HasMaxLength(100);
        b.Property(e => e.RecordId).HasMaxLength(100);
        b.Property(e => e.Reason).HasMaxLength(2000);
        b.Property(e => e.Ip).HasMaxLength(64);
        b.Property(e => e.PrevHash).HasMaxLength(64);
        b.Property(e => e.Hash).HasMaxLength(64);
        b.HasIndex(e => new { e.RecordType, e.RecordId });
        b.HasIndex(e => e.At);
        b.HasIndex(e => e.ActorId);
    }
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(100);
        b.HasIndex(u => u.OrganizationId);
        b.HasIndex(u => u.RecommenderUnitId);
        b.HasOne<Domain.Organizations.Organization>().WithMany().HasForeignKey(u => u.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Domain.Organizations.RecommenderUnit>().WithMany().HasForeignKey(u => u.RecommenderUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
