#include "catalogue.h"

using namespace Qt::StringLiterals;

namespace pay {

const QList<CatalogueItem> &Catalogue::items()
{
    // Barcodes use the 690 (China) prefix with a made-up manufacturer; check digits are real.
    static const QList<CatalogueItem> all {
        {u"A01"_s, u"6901234560015"_s, u"Mineral water 550 ml"_s, u"矿泉水 550 毫升"_s, 200},
        {u"A02"_s, u"6901234560022"_s, u"Green tea 500 ml"_s, u"绿茶 500 毫升"_s, 350},
        {u"A03"_s, u"6901234560039"_s, u"Cola 330 ml can"_s, u"可乐 330 毫升罐装"_s, 300},
        {u"A04"_s, u"6901234560046"_s, u"Orange juice 1 L"_s, u"橙汁 1 升"_s, 1290},
        {u"A05"_s, u"6901234560053"_s, u"Fresh milk 950 ml"_s, u"鲜牛奶 950 毫升"_s, 1580},
        {u"A06"_s, u"6901234560060"_s, u"Yogurt 4-pack"_s, u"酸奶四连杯"_s, 1190},
        {u"B01"_s, u"6901234560077"_s, u"White bread loaf"_s, u"白吐司面包"_s, 890},
        {u"B02"_s, u"6901234560084"_s, u"Croissant"_s, u"牛角面包"_s, 650},
        {u"B03"_s, u"6901234560091"_s, u"Steamed buns 6 pcs"_s, u"馒头 6 个"_s, 800},
        {u"B04"_s, u"6901234560107"_s, u"Rice 5 kg"_s, u"大米 5 公斤"_s, 4990},
        {u"B05"_s, u"6901234560114"_s, u"Noodles 1 kg"_s, u"挂面 1 公斤"_s, 1250},
        {u"B06"_s, u"6901234560121"_s, u"Eggs 10 pcs"_s, u"鸡蛋 10 枚"_s, 1380},
        {u"C01"_s, u"6901234560138"_s, u"Apples 1 kg"_s, u"苹果 1 公斤"_s, 1280},
        {u"C02"_s, u"6901234560145"_s, u"Bananas 1 kg"_s, u"香蕉 1 公斤"_s, 690},
        {u"C03"_s, u"6901234560152"_s, u"Tomatoes 500 g"_s, u"西红柿 500 克"_s, 590},
        {u"C04"_s, u"6901234560169"_s, u"Cucumber"_s, u"黄瓜"_s, 250},
        {u"C05"_s, u"6901234560176"_s, u"Potatoes 1 kg"_s, u"土豆 1 公斤"_s, 480},
        {u"D01"_s, u"6901234560183"_s, u"Soy sauce 500 ml"_s, u"酱油 500 毫升"_s, 1090},
        {u"D02"_s, u"6901234560190"_s, u"Vinegar 500 ml"_s, u"香醋 500 毫升"_s, 850},
        {u"D03"_s, u"6901234560206"_s, u"Cooking oil 1.8 L"_s, u"食用油 1.8 升"_s, 3990},
        {u"D04"_s, u"6901234560213"_s, u"Salt 400 g"_s, u"食盐 400 克"_s, 300},
        {u"E01"_s, u"6901234560220"_s, u"Instant noodles 5-pack"_s, u"方便面五连包"_s, 1450},
        {u"E02"_s, u"6901234560237"_s, u"Potato chips 100 g"_s, u"薯片 100 克"_s, 790},
        {u"E03"_s, u"6901234560244"_s, u"Chocolate bar"_s, u"巧克力"_s, 990},
        {u"E04"_s, u"6901234560251"_s, u"Sunflower seeds 200 g"_s, u"瓜子 200 克"_s, 1100},
        {u"F01"_s, u"6901234560268"_s, u"Toothpaste 120 g"_s, u"牙膏 120 克"_s, 1590},
        {u"F02"_s, u"6901234560275"_s, u"Tissues 10-pack"_s, u"纸巾十包装"_s, 1990},
        {u"F03"_s, u"6901234560282"_s, u"Dish soap 1 L"_s, u"洗洁精 1 升"_s, 1290},
        {u"F04"_s, u"6901234560299"_s, u"Laundry detergent 2 kg"_s, u"洗衣粉 2 公斤"_s, 3580},
        {u"G01"_s, u"6901234560305"_s, u"Batteries AA 4 pcs"_s, u"5 号电池 4 节"_s, 2390},
        {u"G02"_s, u"6901234560312"_s, u"Phone charger cable"_s, u"手机充电线"_s, 3900},
        {u"G03"_s, u"6901234560329"_s, u"Umbrella"_s, u"雨伞"_s, 4590},
    };
    return all;
}

std::optional<CatalogueItem> Catalogue::find(const QString &codeOrBarcode)
{
    const QString key = codeOrBarcode.trimmed();
    if (key.isEmpty())
        return std::nullopt;
    for (const CatalogueItem &item : items()) {
        if (item.barcode == key || item.code.compare(key, Qt::CaseInsensitive) == 0)
            return item;
    }
    return std::nullopt;
}

bool Catalogue::isValidEan13(const QString &text)
{
    if (text.size() != 13)
        return false;
    int sum = 0;
    for (int i = 0; i < 12; ++i) {
        if (!text.at(i).isDigit())
            return false;
        sum += text.at(i).digitValue() * (i % 2 ? 3 : 1);
    }
    return text.at(12).isDigit() && text.at(12).digitValue() == (10 - sum % 10) % 10;
}

} // namespace pay
