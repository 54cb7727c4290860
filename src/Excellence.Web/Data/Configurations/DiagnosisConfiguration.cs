using System.Text.Json;
using System.Text.Json.Serialization;
using Excellence.Web.Domain.Diagnosis;
using Excellence.Web.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Excellence.Web.Data.Configurations;

/// <summary>A version's content and a diagnosis's answers are documents read whole: kept as JSON text.</summary>
internal static class JsonColumn
{
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public static PropertyBuilder<T> AsJson<T>(this PropertyBuilder<T> property) where T : class =>
        property.HasConversion(
            v => JsonSerializer.Serialize(v, Options),
            v => JsonSerializer.Deserialize<T>(v, Options)!,
            new ValueComparer<T>(
                (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
                v => JsonSerializer.Serialize(v, Options).GetHashCode(),
                v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Options), Options)!));
}

internal sealed class IndicatorSystemConfiguration : IEntityTypeConfiguration<IndicatorSystem>
{
    public void Configure(EntityTypeBuilder<IndicatorSystem> b)
    {
        b.ToTable("IndicatorSystems");
        b.HasIndex(s => s.Number).IsUnique();
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Definition).AsJson();
        b.Property(s => s.Version).IsConcurrencyToken();
    }
}

internal sealed class DiagnosisConfiguration : IEntityTypeConfiguration<Diagnosis>
{
    public void Configure(EntityTypeBuilder<Diagnosis> b)
    {
        b.ToTable("Diagnoses");
        b.Property(d => d.Answers).AsJson();
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.Level).HasMaxLength(10);
        b.Property(d => d.Industry).HasConversion<string>().HasMaxLength(30);
        b.Property(d => d.Scale).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.District).HasMaxLength(6);
        b.Property(d => d.Version).IsConcurrencyToken();
        b.HasIndex(d => new { d.OrganizationId, d.Status, d.SubmittedAt });
        b.HasIndex(d => new { d.Status, d.Industry, d.Scale });
        b.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<IndicatorSystem>().WithMany().HasForeignKey(d => d.IndicatorSystemId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(d => d.DimensionScores).WithOne().HasForeignKey(s => s.DiagnosisId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DiagnosisDimensionScoreConfiguration : IEntityTypeConfiguration<DiagnosisDimensionScore>
{
    public void Configure(EntityTypeBuilder<DiagnosisDimensionScore> b)
    {
        b.HasKey(s => new { s.DiagnosisId, s.Code });
        b.Property(s => s.Code).HasMaxLength(20);
    }
}

internal sealed class DiagnosisEvidenceConfiguration : IEntityTypeConfiguration<DiagnosisEvidence>
{
    public void Configure(EntityTypeBuilder<DiagnosisEvidence> b)
    {
        b.Property(e => e.IndicatorCode).HasMaxLength(20);
        b.Property(e => e.FileName).HasMaxLength(255);
        b.Property(e => e.StoredName).HasMaxLength(100);
        b.Property(e => e.ContentType).HasMaxLength(100);
        b.Property(e => e.Sha256).HasMaxLength(64);
        b.HasIndex(e => new { e.DiagnosisId, e.IndicatorCode });
        b.HasOne<Diagnosis>().WithMany().HasForeignKey(e => e.DiagnosisId).OnDelete(DeleteBehavior.Cascade);
    }
}
