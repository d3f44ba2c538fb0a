using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tianshan.Core.Dispatch;

namespace Tianshan.Core.Data.Configurations;

internal sealed class StoredRoadNetworkConfiguration : IEntityTypeConfiguration<StoredRoadNetwork>
{
    public void Configure(EntityTypeBuilder<StoredRoadNetwork> b)
    {
        b.ToTable("RoadNetworks");
        b.HasIndex(n => n.ImportedAt);
        b.Property(n => n.FileName).HasMaxLength(260);
        b.Property(n => n.Format).HasConversion<string>().HasMaxLength(16);
        b.Property(n => n.Sha256).HasMaxLength(64);
        b.Property(n => n.ImportedBy).HasMaxLength(100);
    }
}
