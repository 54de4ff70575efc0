import { Table } from 'antd';
import type { TableProps } from 'antd';
import type { CursorList } from './useCursorList.ts';
import { LoadMore } from './LoadMore.tsx';

type AdminTableProps<T> = TableProps<T> & { 'data-testid'?: string };

/** The admin pages' table: rows keyed by `id`, no paging, scrolls sideways on a phone. */
export function AdminTable<T extends { id: string }>(props: AdminTableProps<T>) {
  return <Table<T> rowKey="id" pagination={false} scroll={{ x: 'max-content' }} size="middle" {...props} />;
}

/** An {@link AdminTable} over a cursor list, with its "load more" button below. */
export function CursorTable<T extends { id: string }>({
  list,
  loadMoreTestId,
  ...table
}: Omit<AdminTableProps<T>, 'dataSource' | 'loading'> & { list: CursorList<T>; loadMoreTestId: string }) {
  return (
    <>
      <AdminTable<T> {...table} dataSource={list.items} loading={list.isLoading} />
      <LoadMore
        hasMore={list.hasMore}
        isLoading={list.isLoadingMore}
        onLoadMore={list.loadMore}
        testId={loadMoreTestId}
      />
    </>
  );
}
