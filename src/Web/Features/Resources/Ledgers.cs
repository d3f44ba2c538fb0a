using Tianshan.Core.Incidents.DisasterReports;
using Tianshan.Core.Resources;

namespace Tianshan.Web.Features.Resources;

/// <summary>The ledgers of the resource atlas (C6) and the informant roster.</summary>
internal static class Ledgers
{
    public static readonly Ledger<RescueTeam> Teams = new("teams", "救援队伍", "Rescue teams", Col.With<RescueTeam>(
        Col.Enum<RescueTeam, RescueTeamType>("队伍类型", r => r.Type, (r, v) => r.Type = v, ResourceLabels.Of),
        Col.Text<RescueTeam>("专业方向", r => r.Specialty, (r, v) => r.Specialty = v),
        Col.Int<RescueTeam>("队员人数", r => r.Members, (r, v) => r.Members = v, required: true),
        Col.Int<RescueTeam>("编制人数", r => r.AuthorisedMembers, (r, v) => r.AuthorisedMembers = v),
        Col.Text<RescueTeam>("负责人", r => r.Leader, (r, v) => r.Leader = v),
        Col.Text<RescueTeam>("负责人电话", r => r.LeaderPhone, (r, v) => r.LeaderPhone = v),
        Col.Text<RescueTeam>("主要装备", r => r.Equipment, (r, v) => r.Equipment = v),
        Col.Int<RescueTeam>("装备台套数", r => r.EquipmentHeld, (r, v) => r.EquipmentHeld = v),
        Col.Int<RescueTeam>("应配台套数", r => r.EquipmentRequired, (r, v) => r.EquipmentRequired = v),
        Col.Enum<RescueTeam, Readiness>("战备状态", r => r.Readiness, (r, v) => r.Readiness = v, ResourceLabels.Of)));

    public static readonly Ledger<Expert> Experts = new("experts", "应急专家", "Experts", Col.With<Expert>(
        Col.Text<Expert>("专业领域", r => r.Field, (r, v) => r.Field = v ?? "", required: true),
        Col.Text<Expert>("工作单位", r => r.Organisation, (r, v) => r.Organisation = v),
        Col.Text<Expert>("职称职务", r => r.Title, (r, v) => r.Title = v),
        Col.Text<Expert>("联系电话", r => r.Phone, (r, v) => r.Phone = v),
        Col.Enum<Expert, ExpertAvailability>("可用状态", r => r.Availability, (r, v) => r.Availability = v, ResourceLabels.Of)));

    public static readonly Ledger<Warehouse> Warehouses = new("warehouses", "物资储备库", "Warehouses", Col.With<Warehouse>(
        Col.Decimal<Warehouse>("面积(㎡)", r => r.AreaM2, (r, v) => r.AreaM2 = v),
        Col.Text<Warehouse>("管理人", r => r.Manager, (r, v) => r.Manager = v),
        Col.Text<Warehouse>("联系电话", r => r.Phone, (r, v) => r.Phone = v)));

    public static readonly Ledger<ReliefMaterial> Materials = new("materials", "应急物资目录", "Relief materials", Col.With<ReliefMaterial>(
        Col.Text<ReliefMaterial>("类别", r => r.Category, (r, v) => r.Category = v ?? ""),
        Col.Text<ReliefMaterial>("计量单位", r => r.Unit, (r, v) => r.Unit = v ?? "", required: true),
        Col.Decimal<ReliefMaterial>("每单位可安置人数", r => r.PeoplePerUnit, (r, v) => r.PeoplePerUnit = v),
        new LedgerColumn<ReliefMaterial>("轮换提前月数", r => r.RotationMonths?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            (r, c) => r.RotationMonths = c.Optional("轮换提前月数") is null ? null : c.Int("轮换提前月数"), Cell: r => r.RotationMonths)));

    public static readonly Ledger<EquipmentItem> Equipment = new("equipment", "装备和车辆", "Equipment and vehicles", Col.With<EquipmentItem>(
        Col.Enum<EquipmentItem, EquipmentKind>("类别", r => r.Kind, (r, v) => r.Kind = v, ResourceLabels.Of),
        Col.Text<EquipmentItem>("规格型号", r => r.Model, (r, v) => r.Model = v),
        Col.Text<EquipmentItem>("车牌号", r => r.Plate, (r, v) => r.Plate = v),
        Col.Int<EquipmentItem>("数量", r => r.Quantity, (r, v) => r.Quantity = v),
        Col.Enum<EquipmentItem, Readiness>("状态", r => r.Readiness, (r, v) => r.Readiness = v, ResourceLabels.Of)));

    public static readonly Ledger<Shelter> Shelters = new("shelters", "避难场所", "Shelters", Col.With<Shelter>(
        Col.Enum<Shelter, ShelterType>("场所类型", r => r.Type, (r, v) => r.Type = v, ResourceLabels.Of),
        Col.Int<Shelter>("容纳人数", r => r.Capacity, (r, v) => r.Capacity = v, required: true),
        Col.Decimal<Shelter>("有效避难面积(㎡)", r => r.UsableAreaM2, (r, v) => r.UsableAreaM2 = v ?? 0, required: true),
        Col.YesNo<Shelter>("应急供水", r => r.Water, (r, v) => r.Water = v),
        Col.YesNo<Shelter>("应急供电", r => r.Power, (r, v) => r.Power = v),
        Col.YesNo<Shelter>("消防设施", r => r.FireFighting, (r, v) => r.FireFighting = v),
        Col.YesNo<Shelter>("排污设施", r => r.Sewage, (r, v) => r.Sewage = v),
        Col.Enum<Shelter, ShelterStatus>("开放状态", r => r.Status, (r, v) => r.Status = v, ResourceLabels.Of),
        Col.Text<Shelter>("管理人", r => r.Manager, (r, v) => r.Manager = v),
        Col.Text<Shelter>("联系电话", r => r.Phone, (r, v) => r.Phone = v)));

    public static readonly Ledger<FireStation> FireStations = new("fire-stations", "消防站", "Fire stations", Col.With<FireStation>(
        Col.Enum<FireStation, FireStationGrade>("等级", r => r.Grade, (r, v) => r.Grade = v, ResourceLabels.Of),
        Col.Enum<FireStation, FacilityStatus>("状态", r => r.Status, (r, v) => r.Status = v, ResourceLabels.Of),
        Col.Int<FireStation>("车辆数", r => r.VehicleCount, (r, v) => r.VehicleCount = v),
        Col.Text<FireStation>("车辆配置", r => r.Vehicles, (r, v) => r.Vehicles = v),
        Col.Int<FireStation>("指战员人数", r => r.Firefighters, (r, v) => r.Firefighters = v)));

    public static readonly Ledger<Hospital> Hospitals = new("hospitals", "医疗机构", "Hospitals", Col.With<Hospital>(
        Col.Text<Hospital>("等级", r => r.Level, (r, v) => r.Level = v),
        Col.Int<Hospital>("床位数", r => r.Beds, (r, v) => r.Beds = v),
        Col.Text<Hospital>("联系电话", r => r.Phone, (r, v) => r.Phone = v)));

    public static readonly Ledger<DisasterInformant> Informants = new("informants", "灾害信息员", "Disaster informants", Col.With<DisasterInformant>(
        Col.Text<DisasterInformant>("联系电话", r => r.Phone, (r, v) => r.Phone = v),
        Col.Text<DisasterInformant>("平台账号", r => r.UserName, (r, v) => r.UserName = v)));

    public static readonly IReadOnlyList<ILedger> All = [Teams, Experts, Warehouses, Materials, Equipment, Shelters, FireStations, Hospitals, Informants];

    public static ILedger? Find(string kind) => All.FirstOrDefault(l => l.Kind == kind);
}
