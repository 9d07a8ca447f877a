"""Publishing (issue 7): the GitHub Actions workflow builds and tests every push
and pull request with the README's commands, deploys main to GitHub Pages with
the official actions, pins every action's version, fetches the whole history,
and passes actionlint.  A CNAME file (custom domain) is published with the site.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import yaml

from blogarchive.build import build

from blogsite import REPO, Site

WORKFLOW = REPO / ".github" / "workflows" / "site.yml"
MAIN_PUSH = "github.event_name == 'push' && github.ref == 'refs/heads/main'"


def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text())


def steps(job: str) -> list[dict]:
    return workflow()["jobs"][job]["steps"]


UPSTREAM = REPO / ".github" / "workflows" / "upstream.yml"
LINKS = REPO / ".github" / "workflows" / "links.yml"


def test_actionlint_passes():
    actionlint = shutil.which("actionlint") or str(Path(REPO / ".venv/bin/actionlint"))
    for path in (WORKFLOW, UPSTREAM, LINKS):
        result = subprocess.run([actionlint, str(path)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def test_upstream_watch_runs_weekly_against_the_newest_and_may_fail():
    """Issue 14: upstream changes are seen before a pin is lifted."""
    watch = yaml.safe_load(UPSTREAM.read_text())
    triggers = watch[True]  # YAML reads the key `on` as true
    assert "schedule" in triggers and len(triggers["schedule"][0]["cron"].split()) == 5
    job = watch["jobs"]["newest"]
    assert job["continue-on-error"] is True
    runs = " ".join(step.get("run", "") for step in job["steps"])
    assert "pip install --upgrade sphinx ablog furo myst-parser" in runs
    assert "make test" in runs


def test_link_check_runs_weekly_and_proposes_a_pull_request():
    """Issue 16: `blog links` on a schedule; what changed comes back as a PR."""
    links = yaml.safe_load(LINKS.read_text())
    triggers = links[True]
    assert "schedule" in triggers and len(triggers["schedule"][0]["cron"].split()) == 5
    job_steps = links["jobs"]["check"]["steps"]
    runs = " ".join(step.get("run", "") for step in job_steps)
    assert "blog links --summary" in runs
    proposal = next(s for s in job_steps if "create-pull-request" in s.get("uses", ""))
    assert proposal["with"]["add-paths"] == "links.yaml"
    assert links["permissions"] == {"contents": "write", "pull-requests": "write"}


def test_the_e_book_is_built_before_the_site_that_offers_it():
    runs = [step.get("run", "") for step in steps("build")]
    assert runs.index("make epub") < runs.index("make site")


def test_every_action_is_pinned_to_a_version():
    every = [workflow(), *(yaml.safe_load(p.read_text()) for p in (UPSTREAM, LINKS))]
    uses = [
        s["uses"] for w in every for job in w["jobs"].values() for s in job["steps"] if "uses" in s
    ]
    assert uses
    for action in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@(v\d+\.\d+\.\d+|[0-9a-f]{40})", action), action


def test_runs_on_push_and_pull_request_with_the_readme_commands():
    on = workflow()[True]  # YAML reads the key `on` as true
    assert "push" in on and "pull_request" in on
    runs = [s.get("run", "") for s in steps("build")]
    assert "make test" in runs and "make site" in runs
    readme = (REPO / "README.md").read_text()
    assert "make site" in readme and "make test" in readme
    checkout = next(s for s in steps("build") if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0


def test_deploys_main_only_with_the_official_pages_actions():
    jobs = workflow()["jobs"]
    build_uses = {s["uses"].split("@")[0]: s for s in steps("build") if "uses" in s}
    assert build_uses["actions/configure-pages"]["if"] == MAIN_PUSH
    assert build_uses["actions/upload-pages-artifact"]["if"] == MAIN_PUSH
    assert build_uses["actions/upload-pages-artifact"]["with"]["path"] == "_build/html"
    assert jobs["deploy"]["if"] == MAIN_PUSH and jobs["deploy"]["needs"] == "build"
    assert [s["uses"].split("@")[0] for s in steps("deploy")] == ["actions/deploy-pages"]
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    site_step = next(s for s in steps("build") if s.get("run") == "make site")
    assert site_step["env"]["BLOG_BASEURL"] == "${{ steps.pages.outputs.base_url }}"


def test_cname_is_published(tmp_path, monkeypatch):
    monkeypatch.setenv("BLOG_REPO", str(REPO))
    blog = tmp_path / "blog"
    shutil.copytree(REPO / "tests/roots/test-escaping", blog)
    (blog / "CNAME").write_text("blog.example.org\n")
    assert build(blog, blog / "_build/html") == 0
    assert Site(blog / "_build/html").path("CNAME").read_text() == "blog.example.org\n"


def test_pushes_build_incrementally_from_a_cache_keyed_by_what_starts_clean():
    """Issue 15: the work folder and doctrees come back, the e-book's too, before
    either is built; a change of dependencies, settings, templates, static files
    or the extension starts clean; files carry their last commit's time so
    unchanged posts stay unchanged."""
    build = steps("build")
    names = [step.get("name", "") for step in build]
    cache = next(step for step in build if step.get("uses", "").startswith("actions/cache@"))
    assert set(cache["with"]["path"].split()) == {
        "_build/html.work",
        "_build/html.doctrees",
        "_build/epub",  # the e-book's (make epub, before the site)
        "_build/epub.doctrees",
    }
    for clean_on in ("pyproject.toml", "conf.py", "_templates/**", "_static/**", "src/**"):
        assert clean_on in cache["with"]["key"] and clean_on in cache["with"]["restore-keys"]
    mtimes = next(step for step in build if "git restore-mtime" in step.get("run", ""))
    order = [
        build.index(mtimes),
        build.index(cache),
        names.index("The archive as an e-book (offered by the site built next)"),
        names.index("Build (the README's build command)"),
    ]
    assert order == sorted(order)
