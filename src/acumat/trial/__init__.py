"""acumat's n-of-1 trial engine: is the mat helping this one person?

Pure numpy and scipy, no input or output: a schedule drawn once from a recorded seed
(:mod:`~acumat.trial.schedule`), the data it produces (:mod:`~acumat.trial.series`), an
exact closed-form Bayesian model (:mod:`~acumat.trial.model`), the primary analysis with
its sensitivity analyses (:mod:`~acumat.trial.analysis`), what a result means
(:mod:`~acumat.trial.decision`) and how it is said (:mod:`~acumat.trial.sentence`).
Importing it loads numpy and scipy, so interfaces import it inside the commands that
need it. The specification is ``nof1-spec.md`` in the project's shared knowledge.
"""
