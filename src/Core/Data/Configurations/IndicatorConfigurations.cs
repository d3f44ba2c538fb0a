using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tianshan.Core.Indicators;

namespace Tianshan.Core.Data.Configurations;

internal sealed class IndicatorEntryConfiguration : IEntityTypeConfiguration<IndicatorEntry>
{
    public void Configure(EntityTypeBuilder<IndicatorEntry> b)
    {
        b.HasIndex(e => new { e.Code, e.Year });
        b.Property(e => e.Code).HasMaxLength(16);
        b.Property(e => e.Evidence).HasMaxLength(1000);
        b.Property(e => e.EnteredBy).HasMaxLength(100);
    }
}
