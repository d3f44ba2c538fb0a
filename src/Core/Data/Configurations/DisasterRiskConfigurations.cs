using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tianshan.Core.DisasterRisk;

namespace Tianshan.Core.Data.Configurations;

internal sealed class HazardFeatureConfiguration : IEntityTypeConfiguration<HazardFeature>
{
    public void Configure(EntityTypeBuilder<HazardFeature> b)
    {
        b.HasIndex(f => f.Kind);
        b.Property(f => f.Name).HasMaxLength(200);
    }
}

internal sealed class CommunityExposureConfiguration : IEntityTypeConfiguration<CommunityExposure>
{
    public void Configure(EntityTypeBuilder<CommunityExposure> b)
    {
        b.HasIndex(e => e.DivisionId).IsUnique();
        b.HasOne(e => e.Division).WithMany().HasForeignKey(e => e.DivisionId);
        b.Ignore(e => e.Buildings);
    }
}

internal sealed class HistoricalDisasterConfiguration : IEntityTypeConfiguration<HistoricalDisaster>
{
    public void Configure(EntityTypeBuilder<HistoricalDisaster> b)
    {
        b.HasIndex(d => d.OccurredOn);
        b.Property(d => d.Place).HasMaxLength(200);
        b.Property(d => d.Summary).HasMaxLength(2000);
    }
}

internal sealed class ConsultationConfiguration : IEntityTypeConfiguration<Consultation>
{
    public void Configure(EntityTypeBuilder<Consultation> b)
    {
        b.HasIndex(c => c.HeldOn);
        b.Property(c => c.Title).HasMaxLength(200);
        b.Property(c => c.Participants).HasMaxLength(2000);
        b.Property(c => c.Situation).HasMaxLength(4000);
        b.Property(c => c.Judgement).HasMaxLength(4000);
        b.Property(c => c.Measures).HasMaxLength(4000);
        b.Property(c => c.RecordedBy).HasMaxLength(100);
    }
}

internal sealed class DemonstrationCommunityConfiguration : IEntityTypeConfiguration<DemonstrationCommunity>
{
    public void Configure(EntityTypeBuilder<DemonstrationCommunity> b)
    {
        b.HasIndex(d => d.DivisionId).IsUnique();
        b.HasOne(d => d.Division).WithMany().HasForeignKey(d => d.DivisionId);
        b.Property(d => d.Note).HasMaxLength(1000);
    }
}
