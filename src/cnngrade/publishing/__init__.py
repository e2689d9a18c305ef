"""What grading produces for people: feedback without hidden tests (``feedback``, an nbgrader preprocessor),
the class report (``report``) and the student edition of the course (``edition``, ``student_edition/``)."""
