"""Instructor tooling: build the student version, make demo submissions, grade, report."""
