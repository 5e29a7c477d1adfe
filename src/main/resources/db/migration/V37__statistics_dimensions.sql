-- The statistics secretariats ask for (issue 20): child categories rolled up into their top-level category.
--
-- The top-level conflict category (a source of conflict of UU 7/2012 Ps 5) of a category: itself when it has no
-- parent. One function, so that the scan of the incidents (HQL), the statement over the cubes and the early-warning
-- statistics roll up the same way; reference data changes only with a migration. Null for an unknown code.
create function conflict_category_root(category text) returns text language sql stable parallel safe as $$
    with recursive up (code, parent_code) as (
        select r.code, r.parent_code from reference_item r
        where r.kind = 'conflict-categories' and r.code = category
        union all
        select r.code, r.parent_code from reference_item r
        join up on r.kind = 'conflict-categories' and r.code = up.parent_code)
    select code from up where parent_code is null
$$;
