using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tianshan.Core.Monitoring;

namespace Tianshan.Core.Data.Configurations;

internal sealed class SensorConfiguration : IEntityTypeConfiguration<Sensor>
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public void Configure(EntityTypeBuilder<Sensor> b)
    {
        b.HasIndex(s => s.StoreId).IsUnique();
        b.HasIndex(s => new { s.EnterpriseId, s.Code }).IsUnique();
        b.Property(s => s.Code).HasMaxLength(64);
        b.Property(s => s.Name).HasMaxLength(200);
        b.Property(s => s.Unit).HasMaxLength(20);
        b.HasOne(s => s.Enterprise).WithMany().HasForeignKey(s => s.EnterpriseId);
        b.HasOne(s => s.MajorHazardSource).WithMany().HasForeignKey(s => s.MajorHazardSourceId).OnDelete(DeleteBehavior.SetNull);
        // Alarm rules are one value, read and written whole: JSON, the same text on both providers.
        b.Property(s => s.Rules)
            .HasConversion(r => JsonSerializer.Serialize(r, Json), text => JsonSerializer.Deserialize<AlarmRules>(text, Json)!,
                new ValueComparer<AlarmRules>((a, c) => a == c, r => r.GetHashCode(), r => r))
            .HasMaxLength(2000);
    }
}

internal sealed class AlarmConfiguration : IEntityTypeConfiguration<Alarm>
{
    public void Configure(EntityTypeBuilder<Alarm> b)
    {
        b.HasIndex(a => new { a.SensorId, a.Kind, a.EndedAt });
        b.HasIndex(a => new { a.EndedAt, a.State });
        b.HasIndex(a => a.RaisedAt);
        b.Property(a => a.AcknowledgedBy).HasMaxLength(100);
        b.Property(a => a.DisposedBy).HasMaxLength(100);
        b.Property(a => a.Reason).HasMaxLength(500);
        b.Property(a => a.DisposalCause).HasMaxLength(1000);
        b.Property(a => a.DisposalAction).HasMaxLength(1000);
        b.Ignore(a => a.IsOpen);
        b.HasOne(a => a.Sensor).WithMany().HasForeignKey(a => a.SensorId);
        b.HasOne(a => a.Enterprise).WithMany().HasForeignKey(a => a.EnterpriseId);
        b.OwnsMany(a => a.Events, e =>
        {
            e.ToTable("AlarmEvents");
            e.WithOwner().HasForeignKey("AlarmId");
            e.Property<int>("Id");
            e.HasKey("Id");
            e.Property(x => x.User).HasMaxLength(100);
            e.Property(x => x.Note).HasMaxLength(500);
        });
    }
}

internal sealed class AlarmNotificationConfiguration : IEntityTypeConfiguration<AlarmNotification>
{
    public void Configure(EntityTypeBuilder<AlarmNotification> b)
    {
        b.HasIndex(n => new { n.AlarmId, n.Step }).IsUnique();
        b.HasIndex(n => n.CreatedAt);
        b.Property(n => n.Recipient).HasMaxLength(100);
        b.Property(n => n.Message).HasMaxLength(1000);
        b.HasOne(n => n.Enterprise).WithMany().HasForeignKey(n => n.EnterpriseId);
    }
}

internal sealed class GatewayConfiguration : IEntityTypeConfiguration<Gateway>
{
    public void Configure(EntityTypeBuilder<Gateway> b)
    {
        b.HasIndex(g => g.EnterpriseId).IsUnique();
        b.Property(g => g.PasswordHash).HasMaxLength(200);
        b.HasOne(g => g.Enterprise).WithMany().HasForeignKey(g => g.EnterpriseId);
    }
}
