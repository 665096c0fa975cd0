"""Packaging beyond pyproject.toml: the notebooks travel inside the wheel as workbook/notebooks.

In a clone they stay in notebooks/ at the top, where contributors expect them.
"""

from setuptools import find_packages, setup

setup(packages=[*find_packages(include=["workbook*"]), "workbook.notebooks"],
      package_dir={"workbook.notebooks": "notebooks"})
