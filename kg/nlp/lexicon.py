"""General word lists the rules rely on. None of them names an entity.

Sources: Chinese surnames from the Hundred Family Surnames (百家姓) and the most common
surnames of the 2020 census; organization suffixes, job titles and speech verbs are closed
classes of Chinese grammar and business writing, listed here by hand and kept general.
"""

from __future__ import annotations

import re

SINGLE_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏"
    "吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱"
    "严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁"
    "尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时"
    "穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾"
    "隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮"
    "粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬"
    "来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎"
    "勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由"
    "傅赖洪阎荀钮濮萧"
)
# Surname characters that are far more often a function word before a name (于, 和, 向 ...).
AMBIGUOUS_SURNAMES = set("于向和从时那由但都来成应全国明原平花强相初门云信元公海区将为与及在对把被给官长师")
COMPOUND_SURNAMES = {
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒",
    "令狐", "夏侯", "轩辕", "端木", "独孤", "南宫", "西门", "百里", "呼延", "澹台", "万俟", "钟离", "申屠",
}

# Characters of the standard syllable table for foreign names in Chinese (Xinhua's 外国人名译名
# 音译表, as used by 《世界人名翻译大辞典》): a run written only in them reads as a transliteration
# (格伦菲尔德, 利昂西斯), which the surname lists cannot recognise.
TRANSLITERATION = set(
    "阿埃艾爱安昂奥巴拜班邦鲍贝本比彼毕宾波伯博布查达戴丹道德邓迪蒂丁东杜多厄恩尔法范菲费芬丰弗伏福富"
    "盖甘冈戈格根古瓜圭哈海汉豪赫黑亨洪华怀惠霍基吉加贾简杰金卡凯坎康考柯科克肯库夸奎昆拉莱赖兰朗劳勒雷"
    "蕾里利莉丽连列林琳隆娄卢鲁路伦罗洛吕马玛迈麦曼梅蒙米摩莫姆穆纳娜奈南瑙内妮尼涅宁纽努诺欧帕潘庞佩"
    "彭皮珀普奇齐恰乔切琴丘琼萨塞赛桑瑟森沙尚舍施什史舒斯松苏索塔泰坦汤唐特提汀图托瓦万旺威韦维温文沃"
    "乌武西希席夏谢辛欣休雅亚扬耶伊因英尤约泽扎詹兹茨佐夫娃"
)

# Legal and organizational suffixes -> the fine type they imply.
ORG_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("股份有限公司", "Company"), ("有限责任公司", "Company"), ("有限公司", "Company"),
    ("分公司", "Company"), ("子公司", "Company"), ("公司", "Company"), ("集团", "Company"),
    ("银行", "Company"), ("证券", "Company"), ("基金", "Company"), ("保险", "Company"),
    ("控股", "Company"), ("股份", "Company"), ("科技", "Company"), ("软件", "Company"),
    ("汽车", "Company"), ("电子", "Company"), ("电器", "Company"), ("通信", "Company"),
    ("网络", "Company"), ("智能", "Company"), ("制药", "Company"), ("医药", "Company"),
    ("能源", "Company"), ("电力", "Company"), ("航空", "Company"), ("传媒", "Company"),
    ("终端", "Company"), ("数据", "Company"), ("资本", "Company"), ("信托", "Company"), ("地产", "Company"),
    # Lines of business common at the end of a firm's name (CLUENER train company spans, and the
    # 行业 part of a registered name): '微光创投', '龙星化工'; a law or accounting firm (事务所).
    ("创投", "Company"), ("化工", "Company"), ("实业", "Company"), ("置业", "Company"), ("药业", "Company"),
    ("物流", "Company"), ("事务所", "Company"),
    ("研究院", "ResearchInstitute"), ("研究所", "ResearchInstitute"), ("科学院", "ResearchInstitute"),
    ("研究中心", "ResearchInstitute"), ("实验室", "ResearchInstitute"), ("大学", "ResearchInstitute"),
    ("学院", "ResearchInstitute"), ("工程院", "ResearchInstitute"), ("智库", "ResearchInstitute"),
    ("协会", "Association"), ("分会", "Association"), ("学会", "Association"), ("商会", "Association"),
    ("联合会", "Association"), ("联盟", "Association"), ("促进会", "Association"), ("研究会", "Association"),
    ("委员会", "GovernmentAgency"),
    ("部", "GovernmentAgency"), ("局", "GovernmentAgency"), ("厅", "GovernmentAgency"),
    ("署", "GovernmentAgency"), ("政府", "GovernmentAgency"), ("办公室", "GovernmentAgency"),
    ("法院", "GovernmentAgency"), ("检察院", "GovernmentAgency"), ("人民银行", "GovernmentAgency"),
    ("监会", "GovernmentAgency"),  # 证监会, 银监会: a regulator's commission (监督管理委员会)
    ("日报", "MediaOutlet"), ("晚报", "MediaOutlet"), ("早报", "MediaOutlet"), ("时报", "MediaOutlet"),
    ("电讯", "MediaOutlet"), ("周刊", "MediaOutlet"), ("杂志", "MediaOutlet"), ("电视台", "MediaOutlet"),
    ("广播电台", "MediaOutlet"), ("通讯社", "MediaOutlet"), ("新闻社", "MediaOutlet"), ("参考报", "MediaOutlet"),
    ("新社", "MediaOutlet"), ("广电总台", "MediaOutlet"), ("广播电视台", "MediaOutlet"), ("频道", "MediaOutlet"),
    ("报", "MediaOutlet"),
    # Schools and hospitals: organizations with no finer type in the guide.
    ("中学", "Organization"), ("小学", "Organization"), ("学校", "Organization"), ("幼儿园", "Organization"),
    ("医院", "Organization"),
    # Clubs, foundations and studios: organizations with no finer type ('俱乐部' is no ministry's 部).
    ("俱乐部", "Organization"), ("基金会", "Organization"), ("工作室", "Organization"),
    # A centre: only after what is already an organization's name (服务管理中心), never on its own strength.
    ("中心", "Organization"),
)
# Suffixes strong enough to make an organization name out of the words before them.
# Endings that say which kind an organization already found is, but are too common in other
# words to find one by ('委', '厂', '投资'): used for the fine type only. '司' is a ministry's
# department (发改委投资司) only in a name of four or more characters (蔡司 is a firm).
TYPE_ONLY_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("夜总会", "Company"), ("总会", "Association"), ("委", "GovernmentAgency"), ("司", "GovernmentAgency"),
    ("厂", "Company"), ("咨询", "Company"), ("投资", "Company"), ("国际", "Company"),
)
STRONG_ORG_SUFFIXES = (
    "股份有限公司", "有限责任公司", "有限公司", "公司", "集团", "研究院", "研究所", "科学院", "研究中心", "创新中心",
    "实验室", "大学", "协会", "分会", "学会", "商会", "联合会", "促进会", "研究会", "委员会", "学院", "中学", "小学",
    "学校", "医院", "频道",
)
# A sub-unit of a parent organization: "<parent><...><sub-unit suffix>".
SUBUNIT_SUFFIXES = ("研究院", "研究所", "分会", "分公司", "子公司", "实验室", "研究中心", "事业部")
PARENT_SUFFIXES = ("协会", "证券", "银行", "集团", "公司", "大学", "基金", "保险")
# The kind word a model's name may end in: 日日新5.0大模型 is also called 日日新5.0.
MODEL_KIND_AT_END = re.compile(r"(?:大模型|模型)$")
LEGAL_FORMS = ("集团股份有限公司", "股份有限公司", "有限责任公司", "有限公司", "股份公司", "公司")

# Heads of job titles: a role ends with one of these (副总经理, 联席院长, 首席执行官, 导师 ...).
ROLE_HEADS = (
    "董事长", "副董事长", "董事", "总经理", "经理", "总裁", "副总裁", "创始人", "联合创始人", "创办人",
    "合伙人", "首席执行官", "执行官", "首席", "CEO", "CTO", "CFO", "COO", "总监", "主席", "副主席",
    "院长", "所长", "校长", "会长", "理事长", "秘书长", "书记", "主任", "部长", "局长", "厅长", "处长",
    "司长", "省长", "市长", "县长", "区长", "委员", "代表", "研究员", "副研究员", "教授", "副教授",
    "讲师", "导师", "博士", "专家", "分析师", "经济学家", "首席经济学家", "科学家", "工程师", "总工程师",
    "负责人", "总编辑", "主编", "编辑", "记者", "发言人", "总监", "行长", "副行长", "监事", "监事长", "顾问",
    "社长", "台长", "团长", "总干事", "干事", "理事", "常务理事", "负责人", "掌门人", "董秘", "总师",
    "副总", "助理", "总经理助理", "董事局主席", "基金经理", "投资总监", "首席投资官", "总会计师", "总经济师",
    "财务官", "技术官", "运营官", "信息官", "营销官", "战略官", "产品官", "风险官", "合规官", "法务官",
    # Offices of state.
    "总理", "副总理", "总统", "副总统", "首相", "国务委员", "议长", "议员", "参议员", "众议员", "州长",
    "委员长", "检察长", "元首", "首脑",
    # Academies, sport, law, medicine, culture.
    "院士", "教练", "主教练", "律师", "医师", "主任医师", "馆长", "站长", "主委",
    # Corporate filings: the legal representative, the controlling person, a factory's head.
    "法定代表人", "实际控制人", "厂长", "董事会主席", "总编", "主管", "老板", "董事会秘书", "秘书",
    # Professions a firm employs under a title (首席亚洲经济师, 资深设计师, 首席策略师).
    "经济师", "设计师", "策略师", "精算师", "建筑师", "规划师", "架构师",
)
# Words that only modify a role (常务副会长, 联席院长, 执行董事).
ROLE_MODIFIERS = ("常务", "执行", "联席", "联合", "副", "首席", "高级", "资深", "名誉", "荣誉", "代理", "特聘")

# Verbs that introduce what a speaker says or thinks.
SPEECH_VERBS = (
    "表示", "认为", "强调", "判断", "感叹", "指出", "称", "说", "说道", "介绍", "坦言", "透露", "建议",
    "预计", "预测", "提到", "谈到", "直言", "坦承", "表态", "解释", "分析", "总结", "呼吁", "提醒",
    "告诉", "回应", "评价", "点评", "感慨", "补充", "写道", "喊话", "看好", "展望",
)
THIRD_PERSON_PRONOUNS = ("他", "她", "其")

# Words that look like names to LAC but are generic in business news (guide: not entities).
GENERIC_NAMES = {
    "AI", "AGI", "AIGC", "GDP", "PMI", "CPI", "PPI", "IPO", "APP", "App", "app", "5G", "4G", "6G",
    "人工智能", "大模型", "新能源汽车", "互联网", "中央", "政府", "国家", "中华", "国内", "国务",
    "海外", "全球", "国际", "央企", "国企", "民企", "外资", "险资", "私募", "券商", "基金公司", "全国", "全美",
    # Kinds of device and technology, not products of anyone (卡片式MP3, 高清LCD).
    "MP3", "MP4", "CD", "DVD", "LCD", "LED", "OLED", "CPU", "GPU", "USB", "PC", "TV", "GPS", "CCD", "CMOS",
    "HD", "3G", "WiFi", "Wi-Fi", "SIM", "SD", "DC", "DV", "IT", "3D",
    # A firm's business group or unit (终端BG董事长): part of a title, no name.
    "BG", "BU",
    # Report periods: 某公司Q3财报.
    "Q1", "Q2", "Q3", "Q4", "H1", "H2",
    # Kinds of fund and investment programme, not anyone's product.
    "ETF", "LOF", "FOF", "QDII", "QFII", "RQFII", "REITs", "PE", "VC",
    # Markets, not places: 沪深两市, A股.
    "沪深", "两市", "A股", "B股", "H股", "港股", "美股", "中概股",
    # Kinds of report and a dateline's word, not outlets: '《中国经济季报》' is one, '季报' none.
    "季报", "年报", "半年报", "月报", "周报", "财报", "简报", "综合",
}

# Kinds of device a model name follows or precedes ('MP4播放器VX585HD', '魅族21手机'): a closed
# class of consumer and computing hardware.
DEVICE_NOUNS = (
    "手机", "智能手机", "相机", "数码相机", "卡片机", "单反", "微单", "镜头", "播放器", "电脑", "笔记本", "平板",
    "平板电脑", "耳机", "音箱", "手表", "手环", "电视", "显示器", "投影仪", "路由器", "处理器", "芯片", "显卡",
    "主板", "硬盘", "游戏机", "无人机", "机器人", "汽车", "轿车", "新车", "车型", "机型", "新机", "打印机", "服务器",
    "SUV", "MPV", "跑车", "电动车", "皮卡", "原型机", "计算机", "卫星", "飞船", "火箭", "客机", "飞机",
)

# A device's name: the maker's brand, then a model code with a letter and a digit (尼康S570, 小米MIX4).
# A figure with its unit (2200点, 36亿元, 29%): no name begins with one ('2200点基金公司先跑'),
# while a bare number may (58同城).
QUANTITY = re.compile(r"\d[\d.,]*(?:多|余)?(?:点|%|亿|万|千|元)+")

BRAND = r"[\u4e00-\u9fff]{2,4}"
CODE = r"(?=[A-Za-z0-9\-]*\d)(?=[A-Za-z0-9\-]*[A-Za-z])[A-Za-z0-9][A-Za-z0-9\-]{0,15}"
BRAND_AND_CODE = re.compile(f"({BRAND})({CODE})")

# Countries and regions, the commonest in Chinese business news: '法国大学', '中国企业' and
# '中国代表团' are any such, not one ('中国银行' is a bank's name: banks are not in the heads below).
COUNTRIES = ("中国", "美国", "英国", "法国", "德国", "日本", "韩国", "俄罗斯", "俄", "意大利", "加拿大",
             "澳大利亚", "澳洲", "印度", "巴西", "新加坡", "西班牙", "荷兰", "瑞士", "瑞典", "以色列",
             "欧洲", "亚洲", "非洲", "欧美", "英美", "海外", "国外", "外国", "国内", "内地", "本土", "全球",
             "世界", "西方", "台湾", "香港")
# China's provincial-level divisions, their capitals and the sub-provincial cities (GB/T 2260):
# a trade name may not be one of them alone (generic.py), and a name's place prefix (resolve.py).
PROVINCES = ("北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建",
             "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海",
             "台湾", "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门")
MAJOR_CITIES = ("石家庄", "太原", "沈阳", "长春", "哈尔滨", "南京", "杭州", "合肥", "福州", "南昌", "济南", "郑州",
                "武汉", "长沙", "广州", "海口", "成都", "贵阳", "昆明", "西安", "兰州", "西宁", "呼和浩特", "南宁",
                "拉萨", "银川", "乌鲁木齐", "大连", "青岛", "宁波", "厦门", "深圳")
# Every place the lists above name: a name that is one of them is a place, whatever else it is.
KNOWN_PLACES = frozenset((*COUNTRIES, *PROVINCES, *MAJOR_CITIES))
