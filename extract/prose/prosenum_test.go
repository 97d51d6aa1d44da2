package prose

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"xxgk/format/charset"
)

// pnFormat renders a mention as "Text kind value unit" with a trailing "~"
// when it is approximate; an empty unit is left out.
func pnFormat(m numMention) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %v %s", m.Text, m.Kind, m.Value)
	if m.Unit != "" {
		b.WriteString(" " + m.Unit)
	}
	if m.Approx {
		b.WriteString(" ~")
	}
	return b.String()
}

func pnCheck(t *testing.T, s string, want []string) {
	t.Helper()
	ms := scanNumbers(s)
	got := make([]string, len(ms))
	for i, m := range ms {
		got[i] = pnFormat(m)
		if m.Text != s[m.Start:m.End] {
			t.Errorf("%q: Text %q != s[%d:%d]", s, m.Text, m.Start, m.End)
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("scanNumbers(%q):\n got  %q\n want %q", s, got, want)
	}
}

// TestScanNumbersReal holds sentences (or parts of them) from real reports in
// the project's seeds and corpus with every number they state.
func TestScanNumbersReal(t *testing.T) {
	cases := []struct {
		s    string
		want []string
	}{
		// seeds/000 (洮北区 2012)
		{"本年度报告是按照《白城市人民政府办公室关于全市2012年政务公开工作考核办法的通知》(白政办明电[2012]87号)的要求",
			[]string{"2012年 year 2012 年", "[2012]87号 docno 87 号"}},
		{"本报告中所列数据的统计期限自2012年1月1日起至2012年12月31日止。",
			[]string{"2012年1月1日 date 20120101 年月日", "2012年12月31日 date 20121231 年月日"}},
		{"地址:白城市洮北区公园东路14号,邮编:137000,电话:0436-3292718,电子邮箱:tbzw007@163.com。",
			[]string{"14号 other 14 号", "137000 other 0", "0436-3292718 other 0", "tbzw007@163.com other 0"}},
		{"2012年是洮北政务公开工作全面加强、切实提高的一年。一年来,在区委、区政府的正确领导下",
			[]string{"2012年 year 2012 年"}},
		{"切实做到了“三个强化”,实现了“三个显著提升”。",
			[]string{"三个 count 3 个", "三个 count 3 个"}},
		{"一是强化组织领导。我区对政务公开工作高度重视,切实把政务公开工作摆上重要议事日程。",
			[]string{"一是 ordinal 1"}},
		{"建立健全政务公开责任追究、通报、评议、反馈和监督五项制度,完善了《政务大厅窗口工作人员服务规范》等25个管理制度",
			[]string{"五项 count 5 项", "25个 count 25 个"}},
		{"我们克服资金短缺的困难,一次性投入30万元,加强政务公开工作的服务设施建设。",
			[]string{"30万元 money 300000 万元"}},
		{"安装监控探头44个、窗口电子评价器26台,强化了对工作人员的监督",
			[]string{"44个 count 44 个", "26台 count 26 台"}},
		{"下发《政府信息公开条例》问卷1500余份,还聘请专家对大厅的全体工作人员进行了培训。",
			[]string{"1500余份 count 1500 份 ~"}},
		{"进行了一对一的指导,使录入人员操作更加熟练、规范,正确率更高",
			nil},
		{"审批时限相比缩短一半以上。截至目前,洮北区政务大厅共受理各类行政审批及行政事业性收费事项54491件,其中即办件54031件,全部办结,承诺件460件,全部办结,按期办结率为100%。",
			[]string{"54491件 count 54491 件", "54031件 count 54031 件", "460件 count 460 件", "100% percent 100 %"}},
		{"全年没有一例违法违纪事件和投诉案例发生。", []string{"一例 count 1 例"}},
		{"坚持把“三公”经费、预算决算、人事任免、保障性住房等热点问题作为政务公开的要点", nil},
		{"在白城市五个县、市(区)中第一个建立专网", []string{"五个 count 5 个", "第一个 ordinal 1 个"}},
		{"截至目前,已录入各类公开信息8000余条,实现了网上查阅、咨询、办理功能", []string{"8000余条 count 8000 条 ~"}},
		{"(一)公开的数量。2012年,全区主动公开政府信息共2917条,其中,区本级公开政府信息62条;各部门公开政府信息1697条;乡(镇)人民政府及街道办事处公开政府信息1158条。",
			[]string{"(一) ordinal 1", "2012年 year 2012 年", "2917条 count 2917 条", "62条 count 62 条", "1697条 count 1697 条", "1158条 count 1158 条"}},
		{"目前,在我区采取的主要公开形式有两种,一是网上公开,二是建立查询点。",
			[]string{"两种 count 2 种", "一是 ordinal 1", "二是 ordinal 2"}},
		{"1.网上公开。在区政府门户网站建立政务公开专栏。", []string{"1. ordinal 1"}},
		{"全区信息公开查询点48个,全部能够进行电子信息查阅。", []string{"48个 count 48 个"}},
		{"所有文件信息从生成到网上公开全部不超过20个工作日。", []string{"不超过20个工作日 count 20 个工作日 ~"}},
		{"一、基本情况", []string{"一、 ordinal 1"}},
		{"2012年,我区未收到政府信息书面申请。", []string{"2012年 year 2012 年"}},
		// seeds/001-004
		{"2015年度,累计主动公开政府信息23000余条。", []string{"2015年度 year 2015 年度", "23000余条 count 23000 条 ~"}},
		{"行政服务中心网站公布审批信息22000多件,在日报、晨报、电视等主流媒体及微信上发布信息100余条,主要领导公开述职1次。",
			[]string{"22000多件 count 22000 件 ~", "100余条 count 100 条 ~", "1次 count 1 次"}},
		{"三处政府信息公共查阅场所,全年共接待公众查阅政府信息1789人次。", []string{"三处 count 3 处", "1789人次 count 1789 人次"}},
		{"2011年政府信息公开专栏访问量达11460人次。", []string{"2011年 year 2011 年", "11460人次 count 11460 人次"}},
		{"便民服务事项78项,集中率达到96.5%。", []string{"78项 count 78 项", "96.5% percent 96.5 %"}},
		{"发布各类信息28000余条,图片、视频4000多个,年点击量超过300万次",
			[]string{"28000余条 count 28000 条 ~", "4000多个 count 4000 个 ~", "超过300万次 count 3000000 次 ~"}},
		{"(白山政办明电〔2009〕104号)要求,对调整前的54项行政许可项目、171项非行政许可项目进行了清理",
			[]string{"〔2009〕104号 docno 104 号", "54项 count 54 项", "171项 count 171 项"}},
		{"暂停执行行政审批63项;取消10项;增加5项;将19项合并为8项",
			[]string{"63项 count 63 项", "10项 count 10 项", "5项 count 5 项", "19项 count 19 项", "8项 count 8 项"}},
		{"2009年政府投入2万余元新建了政务公开栏", []string{"2009年 year 2009 年", "2万余元 money 20000 万元 ~"}},
		{"县政府投入3000余万元,在东城新区建设了政务中心", []string{"3000余万元 money 30000000 万元 ~"}},
		{"办结率100%,完成收费2306.4万元。", []string{"100% percent 100 %", "2306.4万元 money 23064000 万元"}},
		{"用于设备配备等方面的费用约120万元,其中,县政府30万元、政府各部门单位包括政务中心约69万元、乡镇政府21万元。",
			[]string{"约120万元 money 1200000 万元 ~", "30万元 money 300000 万元", "约69万元 money 690000 万元 ~", "21万元 money 210000 万元"}},
		{"法规类信息26条,占74%;工作信息7条,占20%;机构信息2条,占6%。",
			[]string{"26条 count 26 条", "74% percent 74 %", "7条 count 7 条", "20% percent 20 %", "2条 count 2 条", "6% percent 6 %"}},
		{"围绕2016年区政府工作报告、为民办实事项目、十三五规划,细化公开执行措施", []string{"2016年 year 2016 年"}},
		{"2﹒兼职人员数", []string{"2﹒ ordinal 2"}},
		{"建议使用1024*768分辨率,IE8.0以上浏览器浏览网站", []string{"1024*768 other 0", "IE8.0 other 0"}},
		{"发布日期:2012-12-31    点击数:", []string{"2012-12-31 date 20121231 年月日"}},
		{"第二十条第(一)项", []string{"第二十条 ordinal 20 条", "(一) ordinal 1"}},
		{"五是通过电话咨询(6995166),为群众提供咨询服务", []string{"五是 ordinal 5", "6995166 other 0"}},
		{"平均每个县直机关和乡镇人民政府从事政府信息公开工作的兼职人员为1人。", []string{"1人 count 1 人"}},
		{"确定专职人员负责事故信息报告工作，建立24小时值班制度", []string{"24小时 count 24 小时"}},
		{"主要抓好以下几个方面的工作:", []string{"几个 other 0 个 ~"}},
		{"一方面,始终把政府门户网站作为推进政府信息公开的第一平台", []string{"第一 ordinal 1"}},
		{"规定凡是进入“直通车”的项目,一律采取“一窗受理、抄告相关、同步审批、限时办结”的并联审批方式", nil},
		{"按照省市统一部署,开展政府网站集约化建设", nil},
		{"每季度公开1次年度重点工作和为民办实事项目进展情况", []string{"1次 count 1 次"}},
		{"本级继续实施的行政审批146个项目整合为45大项。", []string{"146个 count 146 个", "45 count 45"}},
		// corpus/pingtan
		{"《福建省人民政府办公厅关于做好2014年政府信息公开工作要点落实情况督查及政府信息公开工作年度报告有关事项的通知》（闽政办函〔2014〕130号）的要求",
			[]string{"2014年 year 2014 年", "〔2014〕130号 docno 130 号"}},
		{"本报告由概述、主动公开政府信息情况、政府信息公开情况统计表共六个部分组成。", []string{"六个 count 6 个"}},
		{"本报告所列数据的统计期限自2014年1月1日起至2014年12月31日。",
			[]string{"2014年1月1日 date 20140101 年月日", "2014年12月31日 date 20141231 年月日"}},
		{"（地址：平潭综合实验区管委会办公室；邮编：350400；电话：23158786；传真：23158138；电子邮箱：pzxxgkb@163.com）。",
			[]string{"350400 other 0", "23158786 other 0", "23158138 other 0", "pzxxgkb@163.com other 0"}},
		{"本报告的电子版可在“平潭综合实验区门户网站”（www.pingtan.gov.cn）下载。", nil},
		{"2014年5月，平潭正式开展封关运作", []string{"2014年5月 date 201405 年月"}},
		{"无节假日加班等7项新举措，进一步提升服务水平", []string{"7项 count 7 项"}},
		{"目前，区县已入驻审批服务部门和单位13个，开设窗口26个，共受理申请121510件。",
			[]string{"13个 count 13 个", "26个 count 26 个", "121510件 count 121510 件"}},
		{"2014年主动公开政府信息 2543条。其中，区管委会及区直各部门主动公开政府信息1687条，占66%。",
			[]string{"2014年 year 2014 年", "2543条 count 2543 条", "1687条 count 1687 条", "66% percent 66 %"}},
		{"机构职能类信息594条，政策、规范性文件类信息281条，规划计划类信息29条",
			[]string{"594条 count 594 条", "281条 count 281 条", "29条 count 29 条"}},
		{"（三）主动公开政府信息的主要形式 1.门户网站 在“平潭综合实验区管委会网站”首页页面上专门开辟了“政府信息公开”模块",
			[]string{"（三） ordinal 3", "1. ordinal 1"}},
		{"目前已汇集了60多个单位的主动公开的政府信息。", []string{"60多个 count 60 个 ~"}},
		{"2014年全区收到有关政府信息公开的信函申请1条，已受理回复", []string{"2014年 year 2014 年", "1条 count 1 条"}},
		{"在2014年10月成功举办了高校毕业生专场招聘会。", []string{"2014年10月 date 201410 年月"}},
		{"四是通过平潭时报、门户网站做好我区第一批保障性住房（公租房）分配审核全区公示", []string{"四是 ordinal 4", "第一批 ordinal 1 批"}},
		{"平潭综合实验区管委会办公室 二〇一三年一月", []string{"二〇一三年一月 date 201301 年月"}},
		{"二○一二年二月二十日 附件1：平潭综合实验区管委会2011年政府信息公开情况统计表",
			[]string{"二○一二年二月二十日 date 20120220 年月日", "1 ordinal 1", "2011年 year 2011 年"}},
		{"二○一四年一月十日 平潭综合实验区管委会", []string{"二○一四年一月十日 date 20140110 年月日"}},
		{"指标名称 计量 单位 2011 年度 历年累计", []string{"2011 年度 year 2011 年度"}},
		{"县人民政府 时间：2018-01-23 08:51 微信", []string{"2018-01-23 date 20180123 年月日", "08:51 other 0"}},
		{"聘信息20多条，并在2015年12月26日成功举办了", []string{"20多条 count 20 条 ~", "2015年12月26日 date 20151226 年月日"}},
		{"如今年5月份，平潭正式", []string{"5月份 date 5 月"}},
		{"2014年政府信息公开专栏访问量达69598人次。", []string{"2014年 year 2014 年", "69598人次 count 69598 人次"}},
		{"五年信息发布总量的1.5倍。", []string{"五年 count 5 年", "1.5倍 other 1.5 倍"}},
		{"公开范围有待拓展。三是公开制度有待完善。", []string{"三是 ordinal 3"}},
		{"（三）进一步规范政府信息公开行为1、加强信息公开培训指导", []string{"（三） ordinal 3", "1、 ordinal 1"}},
		{"	 1、主动公开情况。", []string{"1、 ordinal 1"}},
	}
	if len(cases) < 60 {
		t.Fatalf("only %d real cases", len(cases))
	}
	for _, c := range cases {
		pnCheck(t, c.s, c.want)
	}
}

// TestScanNumbersTraps covers the rules one by one.
func TestScanNumbersTraps(t *testing.T) {
	cases := []struct {
		s    string
		want []string
	}{
		// digits
		{"共１２３件", []string{"１２３件 count 123 件"}},
		{"受理13,100件", []string{"13,100件 count 13100 件"}},
		{"受理13，100件", []string{"13 count 13", "100件 count 100 件"}},
		{"分别为1，2，3", []string{"1 count 1", "2 count 2", "3 count 3"}},
		{"1,2,3", []string{"1 count 1", "2 count 2", "3 count 3"}},
		{"1,234,567.89元", []string{"1,234,567.89元 money 1234567.89 元"}},
		{"5949.088667万元", []string{"5949.088667万元 money 59490886.67 万元"}},
		{"2.3万条", []string{"2.3万条 count 23000 条"}},
		{"1.2亿元", []string{"1.2亿元 money 120000000 亿元"}},
		{"120万元", []string{"120万元 money 1200000 万元"}},
		{"3.5元", []string{"3.5元 money 3.5 元"}},
		{"3千元", []string{"3千元 money 3000 千元"}},
		{"3万余条", []string{"3万余条 count 30000 条 ~"}},
		{"10余万元", []string{"10余万元 money 100000 万元 ~"}},
		{"3万人次", []string{"3万人次 count 30000 人次"}},
		{"2917 条", []string{"2917 条 count 2917 条"}},
		// Chinese numerals
		{"我局共有专职人员两名", []string{"两名 count 2 名"}},
		{"十二件", []string{"十二件 count 12 件"}},
		{"一千零五件", []string{"一千零五件 count 1005 件"}},
		{"一万三千一百条", []string{"一万三千一百条 count 13100 条"}},
		{"三十余次", []string{"三十余次 count 30 次 ~"}},
		{"三十余万元", []string{"三十余万元 money 300000 万元 ~"}},
		{"三十万元", []string{"三十万元 money 300000 万元"}},
		{"壹佰贰拾叁元", []string{"壹佰贰拾叁元 money 123 元"}},
		{"二〇一三年", []string{"二〇一三年 year 2013 年"}},
		{"二○一三年", []string{"二○一三年 year 2013 年"}},
		{"二0一七年", []string{"二0一七年 year 2017 年"}},
		{"二〇一三年度", []string{"二〇一三年度 year 2013 年度"}},
		{"二〇一二年二月二十日", []string{"二〇一二年二月二十日 date 20120220 年月日"}},
		{"十二月三十一日", []string{"十二月三十一日 date 1231 月日"}},
		// vague amounts never get a value
		{"几十件", []string{"几十件 other 0 件 ~"}},
		{"数百条", []string{"数百条 other 0 条 ~"}},
		{"十几个", []string{"十几个 other 0 个 ~"}},
		{"两三件", []string{"两三件 other 0 件 ~"}},
		{"上千人", []string{"上千人 other 0 人 ~"}},
		{"申请件数十件", []string{"十件 count 10 件"}},
		{"几乎没有", nil},
		// words that are not numbers
		{"一是加强领导，二是完善制度", []string{"一是 ordinal 1", "二是 ordinal 2"}},
		{"一方面", nil}, {"进一步", nil}, {"统一", nil}, {"一律", nil}, {"一致", nil},
		{"一起", nil}, {"一些", nil}, {"一般", nil}, {"一把手", nil}, {"一线", nil},
		{"一体化", nil}, {"一站式", nil}, {"一网通办", nil}, {"一次性", nil},
		{"三公经费", nil}, {"三审三校", nil}, {"三安全一稳定", nil}, {"十三五", nil},
		{"十四五规划", nil}, {"党的二十大", nil}, {"二十届三中全会", nil}, {"万一", nil},
		{"千万", nil}, {"百姓", nil}, {"十分重要", nil}, {"唯一", nil}, {"之一", nil},
		{"贯彻中央八项规定精神", nil}, {"最多跑一次", nil}, {"一条龙服务", nil},
		{"九台区", nil}, {"一年来", nil}, {"同一件事", nil}, {"每一件", nil},
		// numerals inside words around a figure's words (issue 13, class 8)
		{"进一步规范主动公开工作", nil}, {"建成一站式主动公开平台", nil}, {"统一规范公开内容", nil},
		{"确保一网通办", nil}, {"一是主动公开", []string{"一是 ordinal 1"}},
		{"发生一起安全事故", []string{"一起 count 1 起"}},
		{"三个月", []string{"三个月 count 3 个月"}},
		{"3个多月", []string{"3个多月 count 3 个月 ~"}},
		{"1年多", []string{"1年多 count 1 年 ~"}},
		// approx words
		{"23000余条", []string{"23000余条 count 23000 条 ~"}},
		{"22000多件", []string{"22000多件 count 22000 件 ~"}},
		{"约120万元", []string{"约120万元 money 1200000 万元 ~"}},
		{"近3万条", []string{"近3万条 count 30000 条 ~"}},
		{"超过100件", []string{"超过100件 count 100 件 ~"}},
		{"逾百", nil},
		{"逾500人", []string{"逾500人 count 500 人 ~"}},
		{"将近200人", []string{"将近200人 count 200 人 ~"}},
		{"大约30家", []string{"大约30家 count 30 家 ~"}},
		{"约为5%", []string{"约为5% percent 5 % ~"}},
		{"100件左右", []string{"100件左右 count 100 件 ~"}},
		{"100人以上", []string{"100人以上 count 100 人 ~"}},
		{"90%以上", []string{"90%以上 percent 90 % ~"}},
		{"50人上下", []string{"50人上下 count 50 人 ~"}},
		{"共达3000条", []string{"3000条 count 3000 条"}},
		{"达到500件", []string{"500件 count 500 件"}},
		{"累计200件", []string{"200件 count 200 件"}},
		{"节约100万元", []string{"100万元 money 1000000 万元"}},
		{"最近3年", []string{"3年 count 3 年"}},
		{"附近5家", []string{"5家 count 5 家"}},
		// years and dates
		{"2016年，", []string{"2016年 year 2016 年"}},
		{"2016年度", []string{"2016年度 year 2016 年度"}},
		{"2016年以来", []string{"2016年 year 2016 年"}},
		{"2016年底", []string{"2016年 year 2016 年"}},
		{"2016年初", []string{"2016年 year 2016 年"}},
		{"2016年全年", []string{"2016年 year 2016 年"}},
		{"2016年上下半年", []string{"2016年 year 2016 年"}},
		{"共2016条", []string{"2016条 count 2016 条"}},
		{"2014年3月31日", []string{"2014年3月31日 date 20140331 年月日"}},
		{"2014-03-31", []string{"2014-03-31 date 20140331 年月日"}},
		{"2014/3/31", []string{"2014/3/31 date 20140331 年月日"}},
		{"2014.03.31", []string{"2014.03.31 date 20140331 年月日"}},
		{"3月31日", []string{"3月31日 date 331 月日"}},
		{"12月31日", []string{"12月31日 date 1231 月日"}},
		{"3月", []string{"3月 date 3 月"}},
		{"31日", []string{"31日 date 31 日"}},
		{"15日内", []string{"15日 count 15 日"}},
		{"一季度", []string{"一季度 date 1 季度"}},
		{"2013年1月1日至2013年12月31日", []string{"2013年1月1日 date 20130101 年月日", "2013年12月31日 date 20131231 年月日"}},
		{"2012-2013年", []string{"2012 year 2012", "2013年 year 2013 年"}},
		{"2012、2013年", []string{"2012 year 2012", "2013年 year 2013 年"}},
		{"1-3月", []string{"1 date 1", "3月 date 3 月"}},
		{"工作年度报告（2012）", []string{"2012 year 2012"}},
		// document numbers and articles
		{"白政办明电[2012]87号", []string{"[2012]87号 docno 87 号"}},
		{"国办公开办函〔2021〕30号", []string{"〔2021〕30号 docno 30 号"}},
		{"国办发〔2014〕32号", []string{"〔2014〕32号 docno 32 号"}},
		{"国务院令第711号", []string{"第711号 docno 711 号"}},
		{"（2019）第3号", []string{"（2019）第3号 docno 3 号"}},
		{"第二十条", []string{"第二十条 ordinal 20 条"}},
		{"第十三条第一款", []string{"第十三条 ordinal 13 条", "第一款 ordinal 1 款"}},
		{"第三", []string{"第三 ordinal 3"}},
		{"第2次", []string{"第2次 ordinal 2 次"}},
		{"第三方评估", nil},
		{"第一时间", nil},
		{"第二十届", []string{"第二十届 ordinal 20 届"}},
		// percentages
		{"12%", []string{"12% percent 12 %"}},
		{"12％", []string{"12％ percent 12 %"}},
		{"百分之十二", []string{"百分之十二 percent 12 %"}},
		{"百分之百", []string{"百分之百 percent 100 %"}},
		{"百分之12.5", []string{"百分之12.5 percent 12.5 %"}},
		{"增长12.5%", []string{"12.5% percent 12.5 %"}},
		{"占比9%", []string{"9% percent 9 %"}},
		{"12个百分点", []string{"12个百分点 percent 12 个百分点"}},
		{"提高三个百分点", []string{"三个百分点 percent 3 个百分点"}},
		// codes, phones, times
		{"电话：0436-3292718", []string{"0436-3292718 other 0"}},
		{"邮编137000", []string{"137000 other 0"}},
		{"09:31", []string{"09:31 other 0"}},
		{"9:00-17:00", []string{"9:00 other 0", "17:00 other 0"}},
		{"abc123@163.com", []string{"abc123@163.com other 0"}},
		{"http://www.gov.cn/2014/03/31/abc123.html", []string{"http://www.gov.cn/2014/03/31/abc123.html other 0"}},
		{"京ICP备08110891号", []string{"08110891号 other 0 号"}},
		{"拨打12345热线", []string{"12345 other 0"}},
		{"5G网络", []string{"5G other 0"}},
		{"V2.0版", []string{"V2.0 other 0"}},
		{"1.2.3", []string{"1.2.3 other 0"}},
		{"1/3", []string{"1/3 other 0"}},
		// ranges
		{"3-5件", []string{"3 other 3", "5件 other 5 件"}},
		{"3至5件", []string{"3 other 3", "5件 other 5 件"}},
		{"三至五件", []string{"三 other 3", "五件 other 5 件"}},
		{"3到5个工作日", []string{"3 other 3", "5个工作日 other 5 个工作日"}},
		// item numbering
		{"1.", []string{"1. ordinal 1"}},
		{"（1）加强领导", []string{"（1） ordinal 1"}},
		{"(2)完善制度", []string{"(2) ordinal 2"}},
		{"一、", []string{"一、 ordinal 1"}},
		{"（三）", []string{"（三） ordinal 3"}},
		{"①加强", []string{"① ordinal 1"}},
		{"一、二季度", []string{"二季度 date 2 季度"}},
	}
	for _, c := range cases {
		pnCheck(t, c.s, c.want)
	}
}

// pnCheckSpans checks the invariants every result must keep.
func pnCheckSpans(t *testing.T, s string, ms []numMention) {
	t.Helper()
	end, valid := 0, utf8.ValidString(s)
	for _, m := range ms {
		if m.Start < end || m.End <= m.Start || m.End > len(s) {
			t.Fatalf("%q: bad span [%d,%d) after %d", s, m.Start, m.End, end)
		}
		if m.Text != s[m.Start:m.End] {
			t.Fatalf("%q: Text %q != s[%d:%d]", s, m.Text, m.Start, m.End)
		}
		if valid && !utf8.ValidString(m.Text) {
			t.Fatalf("%q: span [%d,%d) cuts a rune", s, m.Start, m.End)
		}
		end = m.End
	}
}

// pnCorpus returns the texts of the bundled sample reports (copies of the
// seeds and corpus pages), decoded.
func pnCorpus(tb testing.TB) []string {
	tb.Helper()
	files, err := filepath.Glob("../../testdata/reports/*.txt")
	if err != nil || len(files) == 0 {
		tb.Fatalf("no sample reports in ../testdata/reports: %v", err)
	}
	var texts []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		text, _, err := charset.Decode(b)
		if err != nil {
			tb.Fatalf("%s: %v", f, err)
		}
		texts = append(texts, text)
	}
	return texts
}

func TestScanNumbersCorpusSpans(t *testing.T) {
	texts := pnCorpus(t)
	for _, s := range texts {
		pnCheckSpans(t, s, scanNumbers(s))
	}
}

// TestScanNumbersLinear feeds long repetitive inputs: the scan must stay
// linear (no rescanning of a token or a run at every rune).
// pathologicalUnits are texts that, repeated, once made the scanner
// quadratic: runs of signs, digits, numerals and brackets with no end.
var pathologicalUnits = []string{"1-", "1%", "1.", "1 ", "一", "十", "数十", "1,", "１", "(1", "第1", "约", "   1", "2012年", "a1", "1:1", "百分之", "〔2012〕"}

// TestScanNumbersPathological reads long repetitions of each unit and
// checks the spans found. How the time grows with the length is measured
// by BenchmarkScanNumbersPathological at two sizes, not timed here.
func TestScanNumbersPathological(t *testing.T) {
	for _, unit := range pathologicalUnits {
		s := strings.Repeat(unit, 50000/len(unit))
		pnCheckSpans(t, s, scanNumbers(s))
	}
}

// BenchmarkScanNumbersPathological scans each repeated unit at 100 kB and
// 400 kB: ns/B stays about the same from one size to the other when the
// scanner is linear.
func BenchmarkScanNumbersPathological(b *testing.B) {
	for _, size := range []int{100000, 400000} {
		b.Run(fmt.Sprint(size), func(b *testing.B) {
			texts := make([]string, len(pathologicalUnits))
			total := 0
			for i, unit := range pathologicalUnits {
				texts[i] = strings.Repeat(unit, size/len(unit))
				total += len(texts[i])
			}
			b.SetBytes(int64(total))
			for b.Loop() {
				for _, s := range texts {
					scanNumbers(s)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(total), "ns/B")
		})
	}
}

func FuzzScanNumbers(f *testing.F) {
	for _, s := range []string{
		"全区主动公开政府信息共2917条", "收到申请23000余条", "我局共有专职人员两名", "2014年3月31日",
		"〔2012〕87号", "百分之十二点五", "0436-3292718", "abc123@163.com", "3-5件", "二0一七年度",
		"13,100", "1.2.3", "（一）", "第二十条", "约为5%以上", "数百万元", "十几个", "9:00:00",
		"99999999999999999999万亿元", "1.1234567890123456789万元", "９９９９９９９９９９９９９９９９９９万元",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		pnCheckSpans(t, s, scanNumbers(s))
	})
}

func BenchmarkScanNumbers(b *testing.B) {
	texts := pnCorpus(b)
	if len(texts) == 0 {
		b.Skip("no corpus")
	}
	total := 0
	for _, s := range texts {
		total += len(s)
	}
	b.SetBytes(int64(total))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range texts {
			scanNumbers(s)
		}
	}
}

// FuzzCNStopWordAt compares pnCNStopWordAt with trying every word.
func FuzzCNStopWordAt(f *testing.F) {
	for _, s := range []string{"", "一", "一次性", "这是一次办", "两个维护", "两个", "一体", "一体化", "三位一体x", "一\xe4\xb8", "一a", "五位一"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for st := range s {
			want := 0
			for _, w := range pnCNStopWords {
				if strings.HasPrefix(s[st:], w) {
					want = len(w)
					break
				}
			}
			if got := pnCNStopWordAt(s, st); got != want {
				t.Fatalf("pnCNStopWordAt(%q, %d) = %d, want %d", s, st, got, want)
			}
		}
	})
}
