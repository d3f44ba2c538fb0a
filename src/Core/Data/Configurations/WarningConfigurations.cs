using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tianshan.Core.Warnings;

namespace Tianshan.Core.Data.Configurations;

internal sealed class WarningConfiguration : IEntityTypeConfiguration<Warning>
{
    public void Configure(EntityTypeBuilder<Warning> b)
    {
        b.HasIndex(w => w.Identifier).IsUnique();
        b.HasIndex(w => new { w.Status, w.Expires });
        b.HasIndex(w => w.PreviousId);
        b.Property(w => w.Identifier).HasMaxLength(40);
        b.Property(w => w.References).HasMaxLength(4000);
        b.Property(w => w.EventType).HasMaxLength(40);
        b.Property(w => w.AreaDescription).HasMaxLength(2000);
        b.Property(w => w.Headline).HasMaxLength(200);
        b.Property(w => w.Description).HasMaxLength(4000);
        b.Property(w => w.Instruction).HasMaxLength(4000);
        b.Property(w => w.HeadlineEn).HasMaxLength(200);
        b.Property(w => w.DescriptionEn).HasMaxLength(4000);
        b.Property(w => w.InstructionEn).HasMaxLength(4000);
        b.Property(w => w.DraftedBy).HasMaxLength(100);
        b.Property(w => w.ApprovedBy).HasMaxLength(100);
        b.Property(w => w.PublishedBy).HasMaxLength(100);
        b.Property(w => w.Sender).HasMaxLength(200);
        b.Ignore(w => w.Content);
        b.OwnsMany(w => w.Events, e =>
        {
            e.ToTable("WarningEvents");
            e.WithOwner().HasForeignKey("WarningId");
            e.Property<int>("Id");
            e.HasKey("Id");
            e.Property(x => x.Action).HasMaxLength(50);
            e.Property(x => x.By).HasMaxLength(100);
            e.Property(x => x.Note).HasMaxLength(1000);
        });
    }
}

internal sealed class ImportedAlertConfiguration : IEntityTypeConfiguration<ImportedAlert>
{
    public void Configure(EntityTypeBuilder<ImportedAlert> b)
    {
        b.HasIndex(a => new { a.Sender, a.Identifier }).IsUnique();
        b.HasIndex(a => a.Sent);
        b.Property(a => a.Identifier).HasMaxLength(500);
        b.Property(a => a.Sender).HasMaxLength(500);
        b.Property(a => a.Status).HasMaxLength(20);
        b.Property(a => a.MsgType).HasMaxLength(20);
        b.Property(a => a.Language).HasMaxLength(20);
        b.Property(a => a.Event).HasMaxLength(500);
        b.Property(a => a.Severity).HasMaxLength(20);
        b.Property(a => a.Urgency).HasMaxLength(20);
        b.Property(a => a.Certainty).HasMaxLength(20);
        b.Property(a => a.SenderName).HasMaxLength(500);
        b.Property(a => a.Headline).HasMaxLength(500);
        b.Property(a => a.AreaDescription).HasMaxLength(2000);
        b.Property(a => a.ImportedBy).HasMaxLength(100);
    }
}

internal sealed class WarningContactConfiguration : IEntityTypeConfiguration<WarningContact>
{
    public void Configure(EntityTypeBuilder<WarningContact> b)
    {
        b.HasIndex(c => c.CommunityCode);
        b.Property(c => c.CommunityCode).HasMaxLength(20);
        b.Property(c => c.Name).HasMaxLength(100);
        b.Property(c => c.Address).HasMaxLength(500);
        b.Property(c => c.Note).HasMaxLength(500);
    }
}

internal sealed class WarningDeliveryConfiguration : IEntityTypeConfiguration<WarningDelivery>
{
    public void Configure(EntityTypeBuilder<WarningDelivery> b)
    {
        b.HasIndex(d => d.DeliveryKey).IsUnique();
        b.HasIndex(d => new { d.Status, d.NextAttemptAt });
        b.HasIndex(d => d.WarningId);
        b.Property(d => d.DeliveryKey).HasMaxLength(80);
        b.Property(d => d.RecipientName).HasMaxLength(200);
        b.Property(d => d.Address).HasMaxLength(500);
        b.Property(d => d.CommunityCode).HasMaxLength(20);
        b.Property(d => d.LastError).HasMaxLength(1000);
        b.Property(d => d.GatewayMessageId).HasMaxLength(200);
        b.Property(d => d.Version).IsConcurrencyToken();
        b.HasOne<Warning>().WithMany().HasForeignKey(d => d.WarningId);
    }
}
