// Shanxi's 11 cities and the 36 national poverty counties of seed 000's annex (山西省36个集中连片
// 特困地区、国家扶贫开发工作重点县名单), city by city. Other poverty counties are not named in the
// seeds; the province marks them in the app (domain.md, "Places").
import 'server-only';
export const SHANXI_CITIES = ['太原市', '大同市', '阳泉市', '长治市', '晋城市', '朔州市', '晋中市', '运城市', '忻州市', '临汾市', '吕梁市'] as const;

export const NATIONAL_POVERTY_COUNTIES: Record<string, readonly string[]> = {
  太原市: ['娄烦县'],
  大同市: ['阳高县', '大同县', '天镇县', '广灵县', '灵丘县', '浑源县'],
  长治市: ['平顺县', '壶关县', '武乡县'],
  朔州市: ['右玉县'],
  晋中市: ['左权县', '和顺县'],
  运城市: ['平陆县'],
  忻州市: ['五台县', '代县', '繁峙县', '宁武县', '静乐县', '神池县', '五寨县', '岢岚县', '河曲县', '保德县', '偏关县'],
  临汾市: ['吉县', '大宁县', '隰县', '永和县', '汾西县'],
  吕梁市: ['兴县', '临县', '石楼县', '岚县', '方山县', '中阳县'],
};
