/// The pinyin of the characters applicants search for: generated once with ICU by
/// `scripts/pinyin-table.swift` from the catalogue's names, aliases, keywords and categories,
/// then given the other readings of its polyphones (多音字) by hand, because ICU reads
/// 地名 as “de ming” and 银行 as “yin xing”. Characters missing here fall back to ICU (see
/// `Pinyin`); a test lists those of the shipped catalogue so the table is regenerated.
enum PinyinTable {
    /// Generated: each entry a character and its readings joined by "/"; ü is both u and v.
    static let generated = """
        三san 业ye 丢diu 两liang 丧sang 中zhong 临lin 了le 事shi 五wu
        人ren 代dai 仪yi 企qi 会hui 估gu 位wei 低di 住zhu 体ti
        作zuo 供gong 保bao 信xin 修xiu 儿er 免mian 兜dou 全quan 公gong
        关guan 养yang 内nei 农nong 况kuang 冷leng 准zhun 减jian 分fen 利li
        前qian 办ban 务wu 助zhu 募mu 化hua 区qu 协xie 单dan 发fa
        受shou 变bian 吃chi 合he 名ming 告gao 员yuan 周zhou 命ming 和he
        咨zi 商shang 善shan 回hui 团tuan 园yuan 困kun 国guo 地de 址zhi
        城cheng 基ji 堂tang 境jing 墓mu 备bei 复fu 外wai 大da 失shi
        女nu/nv 姻yin 婚hun 婴ying 子zi 存cun 孤gu 学xue 孩hai 宅zhai
        宇yu 安an 定ding 实shi 审shen 家jia 寄ji 察cha 寡gua 导dao
        寿shou 尊zun 小xiao 居ju 届jie 岁sui 工gong 巷xiang 市shi 年nian
        库ku 应ying 底di 度du 庭ting 建jian 开kai 弃qi 录lu 心xin
        态tai 急ji 性xing 息xi 惠hui 意yi 慈ci 成cheng 户hu 所suo
        托tuo 扯che 批pi 抚fu 护hu 报bao 抱bao 捐juan 损sun 换huan
        撒sa 撤che 收shou 改gai 放fang 救jiu 散san 敬jing 施shi 无wu
        时shi 明ming 更geng 最zui 服fu 期qi 未wei 本ben 机ji 村cun
        构gou 查cha 标biao 校xiao 核he 格ge 案an 档dang 检jian 楼lou
        止zhi 残can 殡bin 毁hui 母mu 民min 法fa 注zhu 津jin 活huo
        海hai 清qing 火huo 灰hui 父fu 特te 状zhuang 理li 生sheng 用yong
        申shen 疾ji 病bing 登deng 百bai 益yi 监jian 盘pan 研yan 社she
        福fu 离li 称cheng 程cheng 究jiu 突tu 立li 站zhan 章zhang 童tong
        算suan 管guan 系xi 约yue 组zu 织zhi 终zhong 经jing 结jie 继ji
        老lao 联lian 节jie 营ying 葬zang 行xing 街jie 补bu 表biao 解jie
        认ren 议yi 记ji 设she 证zheng 评ping 询xun 请qing 调diao 贴tie
        费fei 资zi 路lu 辅fu 送song 通tong 道dao 遗yi 重zhong 金jin
        销xiao 长zhang 院yuan 除chu 陵ling 障zhang 难nan 集ji 静jing 非fei
        项xiang 颁ban 预yu 领ling 馆guan 骨gu 高gao 龄ling
        """

    /// By hand: every reading of common polyphones, the usual one first; joined with the generated ones.
    static let polyphones = """
        地di/de 长chang/zhang 行xing/hang 重zhong/chong 会hui/kuai 了le/liao 单dan/shan 解jie/xie 调diao/tiao
        和he/huo/hu 查cha/zha 系xi/ji 发fa 给gei/ji 藏cang/zang 还hai/huan 传chuan/zhuan 差cha/chai/ci
        便bian/pian 率lv/lu/shuai 属shu/zhu 省sheng/xing 曾ceng/zeng 朝chao/zhao 乐le/yue 校xiao/jiao 处chu
        """
}
