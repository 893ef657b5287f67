"""Education and experience tables: which line names the school or employer of each dated entry."""

from __future__ import annotations

import json

from auditor.catalog.examples import as_point
from auditor.engine import audit_text
from auditor.ingest import ingest_bytes, ingest_text
from auditor.parse import parse


def _education(doc, catalog) -> list[tuple[str | None, str | None, str | None]]:
    return [(e.institution, e.degree_level, e.major) for e in parse(doc, catalog.kb).resume.education]


def test_second_degree_is_not_named_after_the_first_ones_bullets(catalog) -> None:
    text = """Mei Lin
mei@uni.edu

Education
Northfield College of Engineering and Applied Technology, Sheffield, M.S. Robotics  2014-09 – 2015-09
- Thesis: Grasp Planning under Uncertainty
QRS, B.S. Mechanical Engineering  2010-09 – 2014-06
- Control Systems
"""
    assert [i for i, _, _ in _education(ingest_text(text), catalog)] == [
        "Northfield College of Engineering and Applied Technology",
        "QRS",
    ]
    assert [level for _, level, _ in _education(ingest_text(text), catalog)] == ["master", "bachelor"]


def test_json_resume_courses_stay_with_their_degree(catalog) -> None:
    data = {
        "basics": {"name": "Mei Lin", "email": "mei@uni.edu"},
        "education": [
            {"institution": "Harbourside Institute of Technology", "studyType": "Master of Science", "area": "Data Systems",
             "startDate": "2021-08", "endDate": "2022-12", "courses": ["Graph Mining", "Advanced Compilers"]},
            {"institution": "Lakeshore University of Science and Technology of the North", "studyType": "Bachelor of Engineering",
             "area": "Software Engineering", "startDate": "2017-09", "endDate": "2021-07", "courses": ["Calculus"]},
        ],
    }
    doc = ingest_bytes(json.dumps(data).encode(), "json", "resume.json")
    assert _education(doc, catalog) == [
        ("Harbourside Institute of Technology", "master", None),
        ("Lakeshore University of Science and Technology of the North", "bachelor", None),
    ]


def test_bullet_title_above_a_bare_date_line_is_kept(catalog) -> None:
    text = """李雷
lilei@uni.edu

实习经历
- 星河科技 推荐算法实习生 2023.01 – 2023.06
- 负责召回模型迭代
➤ 云帆数据 数据开发实习生

2023.07 – 2023.12
- 负责数据仓库建设
"""
    orgs = [e.org for e in parse(ingest_text(text), catalog.kb).resume.experience]
    assert orgs == ["星河科技", "云帆数据"]


def test_level_on_the_date_line_takes_the_school_below_it(catalog) -> None:
    text = """李雷
lilei@uni.edu

教育经历
* 2015.09-2018.06    高中
    * 江南市第二中学
    * 高考数学140分
* 2018.09-2022.06    本科
    * 东湖大学计算机学院
        * 总学分150
"""
    assert _education(ingest_text(text), catalog) == [("江南市第二中学", "other", None), ("东湖大学计算机学院", "bachelor", None)]


def test_city_after_the_school_is_not_the_major(catalog) -> None:
    text = """李雷
lilei@uni.edu

教育背景
东湖大学, 武汉, 湖北    2017.09 – 2021.06
本科 计算机科学与技术
Westbrook Institute of Technology — Fairview, CA    2021.09 – 2023.06
"""
    assert [major for _, _, major in _education(ingest_text(text), catalog)] == [None, None]


def test_major_beside_the_school_is_kept(catalog) -> None:
    text = """李雷
lilei@uni.edu

教育背景
东湖大学, 数学, 本科    2017.09 – 2021.06
"""
    assert _education(ingest_text(text), catalog) == [("东湖大学", "bachelor", "数学")]


def _kinds(text: str, catalog) -> list[tuple[str | None, str]]:
    return [(e.org, e.kind) for e in parse(ingest_text(text), catalog.kb).resume.experience]


def test_project_under_an_internship_heading_is_a_project(catalog) -> None:
    text = """王芳
wangfang@uni.edu

## 实习/项目经历
星河科技 - 上海 - 推荐算法实习生    2022年03月 – 2022年08月
- 负责召回模型迭代
云帆研究院 - 北京 - 合作项目    2022年09月 – 2023年06月
- 深度图像去噪
星河科技 推荐项目组 实习生    2023年07月 – 2023年12月
- 负责排序模型
"""
    assert [kind for _, kind in _kinds(text, catalog)] == ["internship", "project", "internship"]


def test_personal_project_label_under_the_title_makes_a_project(catalog) -> None:
    text = """王芳
wangfang@uni.edu

## 实习/项目经历
云帆数据, 存储组, 杭州    2022年7月 – 2023年9月
存储调度优化
- 后台资源占用率减少8%
简历排版工具    2019年5月 – 至今
Python | 个人项目
- 支持多种字体
"""
    assert _kinds(text, catalog) == [("云帆数据", "internship"), ("简历排版工具", "project")]


def test_json_resume_work_names_the_employer_even_when_the_position_has_a_dash(catalog) -> None:
    resume = {
        "basics": {"name": "Sam Roe", "email": "sam@example.com"},
        "work": [
            {"name": "Northwind Labs", "position": "Software Engineer – Reinforcement Learning", "startDate": "2025-08"},
            {"name": "Contoso", "position": "Research Scientist", "startDate": "2020-05", "endDate": "2024-11"},
        ],
    }
    doc = ingest_bytes(json.dumps(resume).encode(), "json", "resume.json")
    assert [e.org for e in parse(doc, catalog.kb).resume.experience] == ["Northwind Labs", "Contoso"]


def test_role_then_employer_and_city_keeps_the_employer(catalog) -> None:
    text = "Sam Roe\nsam@example.com\n\nExperience\nSoftware Engineer – Contoso, Mountain View  2019.01 – 2020.01\n- Built the ranking service\n"
    assert [e.org for e in parse(ingest_text(text), catalog.kb).resume.experience] == ["Contoso"]


def _experience(text: str, catalog) -> list[tuple[str | None, str | None, str]]:
    return [(e.org, e.title, e.kind) for e in parse(ingest_text(text), catalog.kb).resume.experience]


def test_date_above_the_org_line_reads_every_entry(catalog) -> None:
    text = """Ana Ruiz
ana@uni.edu

## Education
`Sep 2019 - Jun 2024`
__Westbrook University, Leeds, UK__
Ph.D. in Robotics, advised by Jo Park

`Sep 2015 - Jun 2019`
__Westbrook University, Leeds, UK__
B.S. in Mechanical Engineering

## Experience
`Jul 2024 - Present`
__Northwind Labs__
Research Scientist
- Built planners.

`Jun 2022 - Sep 2022`
__Contoso__
Software Engineer Intern
- Wrote tools.
"""
    assert _education(ingest_text(text), catalog) == [
        ("Westbrook University", "phd", None),
        ("Westbrook University", "bachelor", "Mechanical Engineering"),
    ]
    assert _experience(text, catalog) == [
        ("Northwind Labs", "Research Scientist", "fulltime"),
        ("Contoso", "Software Engineer Intern", "internship"),
    ]


def test_degree_heading_above_its_details_and_date_is_read(catalog) -> None:
    text = """Ana Ruiz

Curriculum Vitae
======

### **Ph.D. in Control Theory** *(Rank: 2/30)*
**Eastfield University of Technology** *(Top 50)*
- *Lab*: Flight Systems Laboratory
- *Advisor*: Prof. Jo Park
*Sep. 2020 – Jun. 2024 (Expected)*

### **B.S. in Automation** *(GPA: 3.9/4.0, Rank: 3/120, Top 5%)*
**Eastfield University of Technology**
- *School*: Electrical Engineering
*Sep. 2016 – Jun. 2020*
"""
    assert _education(ingest_text(text), catalog) == [
        ("Eastfield University of Technology", "phd", "Control Theory"),
        ("Eastfield University of Technology", "bachelor", "Automation"),
    ]
    findings = audit_text(text, only=["TIM007"], as_of=as_point("2026-08-01"), strict=True)
    assert [(f.rule_id, [e.line for e in f.evidence]) for f in findings] == [("TIM007", [6, 10])]


def test_role_line_and_org_line_above_the_date_are_told_apart(catalog) -> None:
    text = """Ana Ruiz
ana@uni.edu

Experience
Deep Learning Researcher
Northwind AI Research
Oct 2021 – Dec 2022
AI Resident
Contoso Research
Sep 2020 – Sep 2021
Speech Laboratory Intern \\ Supervised by Professor Jo Park
Westbrook University
Aug 2019 – Sep 2019
"""
    assert _experience(text, catalog) == [
        ("Northwind AI Research", "Deep Learning Researcher", "fulltime"),
        ("Contoso Research", "AI Resident", "fulltime"),
        ("Westbrook University", "Speech Laboratory Intern", "internship"),
    ]


def test_student_team_under_a_work_heading_does_not_overlap_the_job(catalog) -> None:
    text = """Ana Ruiz
ana@uni.edu

## Professional Experience
`Aug 2018 - Oct 2021`
__Northwind Labs__
Machine Learning Engineer
- Built planners.

`Jul 2019 - Dec 2020`
__Westbrook University Rover Team__
Founder
- Founded the team.
"""
    assert [kind for _, _, kind in _experience(text, catalog)] == ["fulltime", "other"]
    assert audit_text(text, only=["TIM001"], as_of=as_point("2026-08-01"), strict=True) == []
