import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';

export function LoadMore(props: {
  hasMore: boolean;
  isLoading: boolean;
  onLoadMore: () => void;
  testId: string;
}) {
  const { t } = useTranslation();
  if (!props.hasMore) return null;
  return (
    <Flex justify="center" style={{ marginTop: 16 }}>
      <Button onClick={props.onLoadMore} loading={props.isLoading} data-testid={props.testId}>
        {t('common.loadMore')}
      </Button>
    </Flex>
  );
}
